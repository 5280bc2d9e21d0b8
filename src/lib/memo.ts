/**
 * Remembers the `size` computations last asked for by key: the promise while
 * it runs, and its value once done, so a caller can show a known value
 * without a moment of waiting. Asking for a key again keeps it longest (the
 * states around the figures shown are asked for again as the reader moves
 * among them). A computation that fails is forgotten and can be tried again.
 */
export function memo<T>(size: number) {
	const running = new Map<string, Promise<T>>();
	const done = new Map<string, T>();
	return {
		get(key: string, compute: () => Promise<T>): Promise<T> {
			let result = running.get(key);
			if (result) {
				// Last asked for, last to go: Map keeps keys in the order they were set.
				running.delete(key);
				running.set(key, result);
			} else {
				result = compute();
				running.set(key, result);
				result.then(
					(value) => running.has(key) && done.set(key, value),
					() => running.delete(key),
				);
				if (running.size > size) {
					const oldest = running.keys().next().value!;
					running.delete(oldest);
					done.delete(oldest);
				}
			}
			return result;
		},
		known: (key: string): T | undefined => done.get(key),
		/** The computation of a key, running or done, if there is one. */
		peek: (key: string): Promise<T> | undefined => running.get(key),
	};
}

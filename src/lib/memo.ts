/**
 * Remembers the computations last asked for by key, up to `capacity`: the
 * promise while it runs, and its value once done, so a caller can show a
 * known value without a moment of waiting. Asking for a key again keeps it
 * longest (the states around the figures shown are asked for again as the
 * reader moves among them). A computation that fails is forgotten and can be
 * tried again.
 *
 * Each value counts `weigh(value)` against the capacity (1 while it runs):
 * by default one, so the capacity is a number of keys; the engine's results
 * of statements count their values, which range from a few to 130,000.
 */
export function memo<T>(capacity: number, weigh: (value: T) => number = () => 1) {
	const running = new Map<string, Promise<T>>();
	const done = new Map<string, T>();
	const weights = new Map<string, number>();
	let total = 0;
	const setWeight = (key: string, weight: number) => {
		total += weight - (weights.get(key) ?? 0);
		weights.set(key, weight);
	};
	const forget = (key: string) => {
		running.delete(key);
		done.delete(key);
		total -= weights.get(key) ?? 0;
		weights.delete(key);
	};
	/** Forgets the oldest keys until the rest fit, never the one just asked for. */
	const trim = (newest: string) => {
		for (const oldest of running.keys()) {
			if (total <= capacity || oldest === newest) return;
			forget(oldest);
		}
	};
	return {
		get(key: string, compute: () => Promise<T>): Promise<T> {
			let result = running.get(key);
			if (result) {
				// Last asked for, last to go: Map keeps keys in the order they were set.
				running.delete(key);
				running.set(key, result);
			} else {
				const computing = (result = compute());
				running.set(key, result);
				setWeight(key, 1);
				result.then(
					(value) => {
						// Still the computation of its key (not forgotten, nor cleared and asked for again).
						if (running.get(key) !== computing) return;
						done.set(key, value);
						setWeight(key, weigh(value));
						trim(key);
					},
					() => running.get(key) === computing && forget(key),
				);
				trim(key);
			}
			return result;
		},
		known: (key: string): T | undefined => done.get(key),
		/** Forgets one key: its computation is replaced by another (asked for with `get`). */
		forget,
		/** The computation of a key, running or done, if there is one. */
		peek: (key: string): Promise<T> | undefined => running.get(key),
		/** Forgets everything: what was computed no longer holds (the tables it read were replaced). */
		clear() {
			running.clear();
			done.clear();
			weights.clear();
			total = 0;
		},
	};
}

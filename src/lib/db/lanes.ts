/**
 * One request at a time on a connection, in two lanes: the reader's, and
 * the states computed ahead of the reader (../views/runtime.svelte.ts).
 * A view's `load` sends its statements together (two to four), so a
 * reader's change made while the states ahead were computed waited behind
 * the whole state's; here it waits for the one statement the engine is
 * running, and the rest of the state's follow it.
 */
export type Lane = 'reader' | 'ahead';

export function lanes() {
	const waiting: Record<Lane, (() => void)[]> = { reader: [], ahead: [] };
	let running = false;
	const next = () => {
		const start = waiting.reader.shift() ?? waiting.ahead.shift();
		running = start !== undefined;
		start?.();
	};
	/** Runs `work` in its turn: a reader's after the requests before it, one ahead only when no reader's is waiting. */
	return function enqueue<T>(work: () => Promise<T>, lane: Lane = 'reader'): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			waiting[lane].push(() => void Promise.resolve().then(work).then(resolve, reject).finally(next));
			if (!running) next();
		});
	};
}

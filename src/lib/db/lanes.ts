/**
 * One request at a time on a connection, in two lanes: the reader's, and
 * the states computed ahead of the reader (../views/runtime.svelte.ts).
 * A view's `load` sends its statements together (two to four), so a
 * reader's change made while the states ahead were computed waited behind
 * the whole state's; here it waits for the one statement the engine is
 * running, and the rest of the state's follow it. A request ahead that can
 * give way (`yieldTo`) is asked to when a reader's comes while it runs:
 * at a hundred times the units one statement ahead over every unit runs
 * for 50-150 ms, which a reader's change otherwise waited out.
 */
export type Lane = 'reader' | 'ahead';

export function lanes() {
	const waiting: Record<Lane, (() => void)[]> = { reader: [], ahead: [] };
	/** The request running, if any: its lane, and how to ask it to give way. */
	let running: { lane: Lane; yieldTo?: () => void } | null = null;
	const next = () => {
		const start = waiting.reader.shift() ?? waiting.ahead.shift();
		running = null;
		start?.();
	};
	/**
	 * Runs `work` in its turn: a reader's after the requests before it, one
	 * ahead only when no reader's is waiting. `yieldTo`, for a request ahead,
	 * is called (once) when a reader's request comes while it runs: the work
	 * should then end soon (its caller decides what that means for it). A
	 * reader's request is never asked.
	 */
	return function enqueue<T>(work: () => Promise<T>, lane: Lane = 'reader', yieldTo?: () => void): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			waiting[lane].push(() => {
				running = { lane, yieldTo: lane === 'ahead' ? yieldTo : undefined };
				void Promise.resolve().then(work).then(resolve, reject).finally(next);
			});
			if (lane === 'reader' && running?.yieldTo) {
				const giveWay = running.yieldTo;
				running.yieldTo = undefined;
				giveWay();
			}
			if (!running) next();
		});
	};
}

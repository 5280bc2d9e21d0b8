/**
 * How the check shares the reader's files among its workers, one per core:
 * a large file in one share per worker, cut where a record starts, so that a
 * single file of a million rows is checked on every core; smaller files
 * whole, each to the worker with the fewest bytes so far. Every worker works
 * out the same shares from the same files, so they need not talk to agree.
 */

/** A file, or the part of it from byte `start` to `end`, checked by worker `part`; `firstLine` is the line it starts on. */
export interface Share {
	file: number;
	start: number;
	end: number;
	firstLine: number;
	part: number;
}

/** Where a share of a file starts: at a line's start, with that line's number. */
export interface Cut {
	start: number;
	firstLine: number;
}

/** A file at least this large is cut into one share per worker: below it, reading it twice costs more than cutting saves. */
export const SHARED_FROM_BYTES = 4 * 1024 * 1024;

/**
 * Where each of `parts` shares of a file starts: at the first record that
 * starts at or after each `parts`-th of its bytes, with the line it starts
 * on. In a CSV file a newline inside a quoted value does not end a record
 * (quotes are followed as the pipeline's reader follows them when it cuts
 * a file into pieces, pipelines/read/decode.ts); after a quote never closed,
 * no share starts, and the first reads the rest. The bytes are read once.
 */
export function cutsOf(blocks: Iterable<Uint8Array>, size: number, parts: number, csv: boolean): Cut[] {
	const targets = Array.from({ length: parts - 1 }, (_, k) => Math.floor(((k + 1) * size) / parts));
	const cuts: Cut[] = [{ start: 0, firstLine: 1 }];
	let newlines = 0;
	let quoted = false;
	let base = 0;
	// A record starts at `start` on the line after the newlines counted: it starts every share whose target it reaches first.
	const recordAt = (start: number) => {
		while (cuts.length < parts && start >= targets[cuts.length - 1]!) cuts.push({ start, firstLine: newlines + 1 });
	};
	for (const bytes of blocks) {
		if (!csv || (!quoted && bytes.indexOf(34) === -1)) {
			for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) {
				newlines++;
				recordAt(base + i + 1);
			}
		} else {
			for (let i = 0; i < bytes.length; i++) {
				const byte = bytes[i]!;
				if (byte === 34) quoted = !quoted;
				else if (byte === 10) {
					newlines++;
					if (!quoted) recordAt(base + i + 1);
				}
			}
		}
		base += bytes.length;
	}
	while (cuts.length < parts) cuts.push({ start: size, firstLine: newlines + 1 });
	return cuts;
}

/**
 * The shares of the files of `sizes` (by index; null for a file not to be
 * read) among `parts` workers. `cutsFor` finds a large file's cuts.
 */
export function shareOut(sizes: readonly (number | null)[], parts: number, cutsFor: (file: number) => Cut[], sharedFromBytes = SHARED_FROM_BYTES): Share[] {
	const load = new Array<number>(parts).fill(0);
	const shares: Share[] = [];
	sizes.forEach((size, file) => {
		if (size === null) return;
		const cuts = parts > 1 && size >= sharedFromBytes ? cutsFor(file) : null;
		if (cuts) {
			cuts.forEach(({ start, firstLine }, part) => {
				const end = cuts[part + 1]?.start ?? size;
				if (end > start) shares.push({ file, start, end, firstLine, part });
				load[part]! += end - start;
			});
		} else {
			const part = load.indexOf(Math.min(...load));
			shares.push({ file, start: 0, end: size, firstLine: 1, part });
			load[part]! += size;
		}
	});
	return shares;
}

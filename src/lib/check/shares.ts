/**
 * How the check shares the reader's files among its workers, one per core:
 * a large file in one share per worker, cut where a line starts, so that a
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
 * Where each of `parts` shares of a file starts: at the first line that
 * starts at or after each `parts`-th of its bytes. Null for a CSV file with
 * a double quote anywhere: a quoted value may hold a newline, and only a
 * reader from the file's start knows whether a newline ends a record. The
 * bytes are read once, counting newlines.
 */
export function cutsOf(blocks: Iterable<Uint8Array>, size: number, parts: number, csv: boolean): Cut[] | null {
	const targets = Array.from({ length: parts - 1 }, (_, k) => Math.floor(((k + 1) * size) / parts));
	const cuts: Cut[] = [{ start: 0, firstLine: 1 }];
	let newlines = 0;
	let base = 0;
	for (const bytes of blocks) {
		if (csv && bytes.indexOf(34) !== -1) return null;
		for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) {
			newlines++;
			// A line starts after this newline; it starts every share whose target it reaches first.
			while (cuts.length < parts && base + i + 1 >= targets[cuts.length - 1]!) cuts.push({ start: base + i + 1, firstLine: newlines + 1 });
		}
		base += bytes.length;
	}
	while (cuts.length < parts) cuts.push({ start: size, firstLine: newlines + 1 });
	return cuts;
}

/**
 * The shares of the files of `sizes` (by index; null for a file not to be
 * read) among `parts` workers. `cutsFor` finds a large file's cuts, or null
 * where it must be read whole.
 */
export function shareOut(sizes: readonly (number | null)[], parts: number, cutsFor: (file: number) => Cut[] | null, sharedFromBytes = SHARED_FROM_BYTES): Share[] {
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

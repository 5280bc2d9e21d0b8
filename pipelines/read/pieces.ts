/**
 * A text file read in pieces of about 2 MB, each ending where a record ends,
 * so that a file of any size is validated in bounded memory. The bytes are
 * decoded strictly as UTF-8 on the way; a bad byte stops the run with its
 * line, as for a file read whole.
 *
 * For CSV a record ends at a newline outside quotes (a quoted value may hold
 * newlines); for JSON Lines at every newline.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from './errors.ts';
import { notUtf8 } from './text.ts';

export interface TextPiece {
	text: string;
	/** The line of the piece's first character, as an editor shows it. */
	firstLine: number;
}

const BLOCK_BYTES = 2 * 1024 * 1024;
/**
 * A record longer than this is not a report: an unclosed quote would
 * otherwise carry the rest of the file into one record. Past it, the piece
 * ends at the last newline, and the CSV reader reports the broken record.
 */
const LONGEST_RECORD = 16 * 1024 * 1024;

/** Where the last whole record of `text` ends (0 if none does). */
export function recordBoundary(text: string, csvQuotes: boolean): number {
	if (!csvQuotes || text.indexOf('"') === -1) return text.lastIndexOf('\n') + 1;
	let quoted = false;
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) quoted = !quoted;
		else if (c === 10 && !quoted) last = i + 1;
	}
	return last;
}

/** Opens a file to read, or stops the run naming it. */
function openInput(path: string, shownAs: string): number {
	try {
		return openSync(path, 'r');
	} catch (error) {
		throw new InputError(`${shownAs}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`);
	}
}

const newlines = (text: string) => {
	let count = 0;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
	return count;
};

export function* textPieces(path: string, shownAs: string, csvQuotes: boolean, blockBytes = BLOCK_BYTES): Generator<TextPiece> {
	const fd = openInput(path, shownAs);
	// The decoder drops a leading byte-order mark and keeps a character split between blocks for the next.
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
	const block = Buffer.allocUnsafe(blockBytes);
	let carry = '';
	let line = 1;
	try {
		for (;;) {
			const read = readSync(fd, block, 0, blockBytes, null);
			const bytes = block.subarray(0, read);
			let decoded: string;
			try {
				decoded = decoder.decode(bytes, { stream: read > 0 });
			} catch {
				throw notUtf8(bytes, shownAs, line + newlines(carry));
			}
			let text = carry + decoded;
			if (read === 0) {
				if (text !== '') yield { text, firstLine: line };
				return;
			}
			let end = recordBoundary(text, csvQuotes);
			if (end === 0 && text.length > LONGEST_RECORD) end = text.lastIndexOf('\n') + 1 || text.length;
			if (end > 0) {
				const piece = text.slice(0, end);
				yield { text: piece, firstLine: line };
				line += newlines(piece);
				text = text.slice(end);
			}
			carry = text;
		}
	} finally {
		closeSync(fd);
	}
}

export interface TextScan {
	bytes: number;
	/** The first line, without its line break (the header of a CSV file). */
	firstLine: string;
	/** Whether a double quote appears anywhere. */
	quotes: boolean;
}

/** How many bytes at the end of `bytes` begin a character that the next block completes (0 to 3). */
function unfinishedTail(bytes: Uint8Array): number {
	for (let back = 1; back <= Math.min(3, bytes.length); back++) {
		const b = bytes[bytes.length - back]!;
		if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
		const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
		return size > back ? back : 0;
	}
	return 0;
}

const countNewlines = (bytes: Uint8Array) => {
	let count = 0;
	for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
	return count;
};

/**
 * A whole file checked as UTF-8 (a bad byte stops the run with its line),
 * block by block as bytes, keeping only what is asked: its size, its first
 * line and whether it holds a quote. Nothing is decoded but the first line.
 */
export function scanText(path: string, shownAs: string, blockBytes = BLOCK_BYTES): TextScan {
	const scan: TextScan = { bytes: 0, firstLine: '', quotes: false };
	const fd = openInput(path, shownAs);
	const block = Buffer.allocUnsafe(blockBytes + 3);
	let kept = 0; // bytes of an unfinished character carried to the front of the block
	let line = 1;
	let header: Buffer[] | null = [];
	try {
		for (;;) {
			const read = readSync(fd, block, kept, blockBytes, null);
			const end = kept + read;
			const tail = read === 0 ? 0 : unfinishedTail(block.subarray(0, end));
			const whole = block.subarray(0, end - tail);
			if (!isUtf8(whole)) throw notUtf8(whole, shownAs, line);
			if (header) {
				const newline = whole.indexOf(10);
				header.push(Buffer.from(newline === -1 ? whole : whole.subarray(0, newline)));
				if (newline !== -1 || read === 0) {
					scan.firstLine = new TextDecoder().decode(Buffer.concat(header)).replace(/\r$/, '');
					header = null;
				}
			}
			scan.quotes ||= whole.includes(0x22);
			scan.bytes += whole.length;
			line += countNewlines(whole);
			if (read === 0) return scan;
			block.copyWithin(0, end - tail, end);
			kept = tail;
		}
	} finally {
		closeSync(fd);
	}
}

/**
 * A file cut at line ends into pieces of at most about `maxBytes`, as bytes
 * (the file is known to be UTF-8 already), each with the line it starts on.
 */
export function* linePieces(path: string, maxBytes: number): Generator<{ bytes: Buffer; firstLine: number }> {
	const fd = openSync(path, 'r');
	const block = Buffer.allocUnsafe(maxBytes);
	let kept = 0;
	let line = 1;
	try {
		for (;;) {
			const read = readSync(fd, block, kept, maxBytes - kept, null);
			const end = kept + read;
			if (end === 0) return;
			let cut = read === 0 ? end : block.lastIndexOf(10, end - 1) + 1;
			// A line longer than a whole piece is cut where the piece is full (the checks flag it).
			if (cut === 0 && end === maxBytes) cut = end;
			if (cut > 0) {
				const piece = Buffer.from(block.subarray(0, cut));
				yield { bytes: piece, firstLine: line };
				line += countNewlines(piece);
				block.copyWithin(0, cut, end);
			}
			kept = end - cut;
			if (read === 0) return;
		}
	} finally {
		closeSync(fd);
	}
}

/**
 * A text file read in pieces of about 8 MB, each ending where a record ends,
 * so that a file of any size is validated in bounded memory. The bytes are
 * decoded strictly as UTF-8 on the way; a bad byte stops the run with its
 * line, as for a file read whole.
 *
 * For CSV a record ends at a newline outside quotes (a quoted value may hold
 * newlines); for JSON Lines at every newline.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from './errors.ts';
import { notUtf8 } from './text.ts';

export interface TextPiece {
	text: string;
	/** The line of the piece's first character, as an editor shows it. */
	firstLine: number;
}

const BLOCK_BYTES = 8 * 1024 * 1024;
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

const newlines = (text: string) => {
	let count = 0;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
	return count;
};

export function* textPieces(path: string, shownAs: string, csvQuotes: boolean, blockBytes = BLOCK_BYTES): Generator<TextPiece> {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (error) {
		throw new InputError(`${shownAs}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`);
	}
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

/**
 * A whole file checked as UTF-8 (a bad byte stops the run with its line),
 * block by block, keeping only what is asked: its size, its first line and
 * whether it holds a quote.
 */
export function scanText(path: string, shownAs: string, blockBytes = BLOCK_BYTES): TextScan {
	const scan: TextScan = { bytes: 0, firstLine: '', quotes: false };
	let headerDone = false;
	for (const { text } of textPieces(path, shownAs, false, blockBytes)) {
		if (!headerDone) {
			const end = text.indexOf('\n');
			scan.firstLine += end === -1 ? text : text.slice(0, end);
			headerDone = end !== -1;
		}
		scan.quotes ||= text.includes('"');
	}
	scan.firstLine = scan.firstLine.replace(/\r$/, '');
	scan.bytes = statSync(path).size;
	return scan;
}

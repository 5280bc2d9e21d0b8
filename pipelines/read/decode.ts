/**
 * Text from blocks of bytes, in pieces that end where a record ends: the
 * part of reading a file that needs no file system, shared by the pipeline
 * (./pieces.ts reads the blocks from disk) and the browser's own check
 * (src/lib/check, which reads them from a File in a Web Worker).
 *
 * The bytes are decoded strictly as UTF-8 on the way; a bad byte stops the
 * read with its line. For CSV a record ends at a newline outside quotes (a
 * quoted value may hold newlines); for JSON Lines at every newline.
 */
import { notUtf8 } from './text.ts';

export interface TextPiece {
	text: string;
	/** The line of the piece's first character, as an editor shows it. */
	firstLine: number;
}

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

export const newlines = (text: string) => {
	let count = 0;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
	return count;
};

/**
 * The text of `blocks` (a file's bytes in order) in pieces of whole records,
 * each with the line it starts on. `firstLine` is the line the bytes start
 * on: a file's share that starts further in (src/lib/check reads a large
 * file in shares, one per worker) starts at a line's start, never in a
 * quoted value.
 */
export function* decodedPieces(blocks: Iterable<Uint8Array>, shownAs: string, csvQuotes: boolean, firstLine = 1): Generator<TextPiece> {
	// The decoder drops a byte-order mark that starts the file and keeps a character split between blocks for the next.
	const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: firstLine > 1 });
	let carry = '';
	let line = firstLine;
	const cut = function* (text: string, last: boolean): Generator<TextPiece, string> {
		if (last) {
			if (text !== '') yield { text, firstLine: line };
			return '';
		}
		let end = recordBoundary(text, csvQuotes);
		if (end === 0 && text.length > LONGEST_RECORD) end = text.lastIndexOf('\n') + 1 || text.length;
		if (end === 0) return text;
		const piece = text.slice(0, end);
		yield { text: piece, firstLine: line };
		line += newlines(piece);
		return text.slice(end);
	};
	// The line each block starts on, for a bad byte's message.
	let blockLine = firstLine;
	let last: Uint8Array = new Uint8Array(0);
	for (const bytes of blocks) {
		let decoded: string;
		try {
			decoded = decoder.decode(bytes, { stream: true });
		} catch {
			throw notUtf8(bytes, shownAs, blockLine);
		}
		last = bytes;
		blockLine += countNewlines(bytes);
		carry = yield* cut(carry + decoded, false);
	}
	let rest: string;
	try {
		rest = decoder.decode();
	} catch {
		// The file ends inside a character: the last block holds its first bytes.
		throw notUtf8(last, shownAs, blockLine - countNewlines(last));
	}
	yield* cut(carry + rest, true);
}

const countNewlines = (bytes: Uint8Array) => {
	let count = 0;
	for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
	return count;
};

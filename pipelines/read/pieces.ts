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
import { decodedPieces, type TextPiece } from './decode.ts';
import { InputError } from './errors.ts';
import { notUtf8 } from './text.ts';

const BLOCK_BYTES = 2 * 1024 * 1024;

/** Opens a file to read, or stops the run naming it. */
function openInput(path: string, shownAs: string): number {
	try {
		return openSync(path, 'r');
	} catch (error) {
		throw new InputError(`${shownAs}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`);
	}
}

/** A file's bytes, a block at a time (the block is reused: each is decoded before the next is read). */
function* fileBlocks(path: string, shownAs: string, blockBytes: number): Generator<Uint8Array> {
	const fd = openInput(path, shownAs);
	const block = Buffer.allocUnsafe(blockBytes);
	try {
		for (let read = readSync(fd, block, 0, blockBytes, null); read > 0; read = readSync(fd, block, 0, blockBytes, null)) yield block.subarray(0, read);
	} finally {
		closeSync(fd);
	}
}

/** A file on disk in pieces of whole records (./decode.ts). */
export const textPieces = (path: string, shownAs: string, csvQuotes: boolean, blockBytes = BLOCK_BYTES): Generator<TextPiece> =>
	decodedPieces(fileBlocks(path, shownAs, blockBytes), shownAs, csvQuotes);

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

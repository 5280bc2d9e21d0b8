/**
 * Files are read as bytes and decoded strictly: a file that is not UTF-8 (say,
 * Latin-1 from an old spreadsheet) stops the run with the line of the first bad
 * byte, instead of turning "Målilla" into "M�lilla" in a published mart.
 */
import { InputError } from './errors.ts';

/** The error for bytes that are not UTF-8, naming the line of the first bad byte; `firstLine` is the line the bytes start on. */
export function notUtf8(bytes: Uint8Array, shownAs: string, firstLine: number): InputError {
	const offset = firstInvalidUtf8(bytes);
	let line = firstLine;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	const byte = bytes[offset]!;
	const latin1 = byte >= 0xa0 ? ` ('${String.fromCharCode(byte)}' in Latin-1)` : '';
	return new InputError(
		`${shownAs}, line ${line}: the file is not UTF-8 (byte 0x${byte.toString(16).toUpperCase()}${latin1}). ` + 'Save or export it as UTF-8 and run again.',
	);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
		if (size === 0 || i + size > bytes.length) return i;
		for (let k = 1; k < size; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
		i += size;
	}
	return Math.max(0, bytes.length - 1);
}

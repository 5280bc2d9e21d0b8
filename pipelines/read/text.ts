/**
 * Files are read as bytes and decoded strictly: a file that is not UTF-8 (say,
 * Latin-1 from an old spreadsheet) stops the run with the line of the first bad
 * byte, instead of turning "Målilla" into "M�lilla" in a published mart.
 */
import { readFileSync } from 'node:fs';
import { InputError } from './errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readUtf8(path: string, shownAs: string): string {
	return decodeUtf8(readBytes(path, shownAs), shownAs);
}

export function readBytes(path: string, shownAs: string): Buffer {
	try {
		return readFileSync(path);
	} catch (error) {
		throw new InputError(`${shownAs}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`);
	}
}

export function decodeUtf8(bytes: Uint8Array, shownAs: string): string {
	try {
		// The decoder drops a leading byte-order mark itself.
		return decoder.decode(bytes);
	} catch {
		const offset = firstInvalidUtf8(bytes);
		let line = 1;
		for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
		const byte = bytes[offset]!;
		const latin1 = byte >= 0xa0 ? ` ('${String.fromCharCode(byte)}' in Latin-1)` : '';
		throw new InputError(
			`${shownAs}, line ${line}: the file is not UTF-8 (byte 0x${byte.toString(16).toUpperCase()}${latin1}). ` +
				'Save or export it as UTF-8 and run again.',
		);
	}
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

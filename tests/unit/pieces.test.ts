/**
 * Files read in pieces (pipelines/read/pieces.ts): with blocks of a few
 * bytes, every boundary falls inside a record, a quoted newline, a
 * multi-byte character or the byte-order mark, and the rows and their lines
 * must still be exactly those of the file read whole.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipelines/read/errors.ts';
import { recordBoundary } from '../../pipelines/read/decode.ts';
import { linePieces, scanText, textPieces } from '../../pipelines/read/pieces.ts';
import { readTable } from '../../pipelines/read/file.ts';
import { tempDir } from '../helpers.ts';

const COLUMNS = ['unit_id', 'name', 'note'];
const CSV = '\uFEFFunit_id,name,note\r\nu1,Målilla,"two\nlines"\r\nu2,"Ödeshög, ""east""",plain\r\n\r\nu3,Åre,"a ""quote"" and\r\nanother line"\nu4,Bjärnum,last';

function file(name: string, text: string | Buffer) {
	const path = join(tempDir(), name);
	writeFileSync(path, text);
	return path;
}

const rowsOf = (path: string, block?: number) => {
	const table = readTable(path, 'test.csv', COLUMNS, block);
	return { rows: [...table.rows], unreadable: table.unreadable, count: table.count };
};

describe('reading in pieces', () => {
	it('ends a piece only where a record ends: outside quotes for CSV, at any newline for JSON Lines', () => {
		expect(recordBoundary('a,"b\nc"\nd,e', true)).toBe(8);
		expect(recordBoundary('a,"b\nc', true)).toBe(0);
		expect(recordBoundary('{"a":1}\n{"a"', false)).toBe(8);
	});

	it('gives the same rows and lines with blocks of 1 to 64 bytes as read whole', () => {
		const path = file('t.csv', CSV);
		const whole = rowsOf(path);
		expect(whole.rows).toEqual([
			{ line: 2, cells: { unit_id: 'u1', name: 'Målilla', note: 'two\nlines' } },
			{ line: 4, cells: { unit_id: 'u2', name: 'Ödeshög, "east"', note: 'plain' } },
			{ line: 6, cells: { unit_id: 'u3', name: 'Åre', note: 'a "quote" and\r\nanother line' } },
			{ line: 8, cells: { unit_id: 'u4', name: 'Bjärnum', note: 'last' } },
		]);
		for (const block of [1, 2, 3, 5, 7, 16, 64]) expect(rowsOf(path, block), `blocks of ${block} bytes`).toEqual(whole);
	});

	it('reads JSON Lines in pieces with their lines', () => {
		const path = file('t.jsonl', '{"unit_id":"u1","name":"Målilla"}\n\n{"unit_id":"u2","name":"Åre"}\n{"unit_id":"u3","name":"x"}');
		const read = (block?: number) => [...readTable(path, 't.jsonl', COLUMNS, block).rows].map((r) => [r.line, r.cells.unit_id]);
		expect(read()).toEqual([[1, 'u1'], [3, 'u2'], [4, 'u3']]);
		expect(read(3)).toEqual(read());
	});

	it('names the line of a byte that is not UTF-8, however far into the file', () => {
		const lines = Array.from({ length: 50 }, (_, i) => `u${i},name${i},note`);
		lines[37] = 'u37,M\xe5lilla,note';
		const path = file('latin1.csv', Buffer.from(`unit_id,name,note\n${lines.join('\n')}\n`, 'latin1'));
		for (const block of [7, 100, 1 << 20]) {
			expect(() => [...readTable(path, 'latin1.csv', COLUMNS, block).rows], `blocks of ${block}`).toThrow(
				new InputError("latin1.csv, line 39: the file is not UTF-8 (byte 0xE5 ('å' in Latin-1)). Save or export it as UTF-8 and run again."),
			);
		}
		expect(() => scanText(path, 'latin1.csv', 11)).toThrow(/latin1\.csv, line 39: the file is not UTF-8/);
	});

	it('scans a file for its header and quotes without keeping it', () => {
		const path = file('t.csv', CSV);
		expect(scanText(path, 't.csv', 4)).toEqual({ bytes: Buffer.byteLength(CSV), firstLine: 'unit_id,name,note', quotes: true });
		const plain = file('p.csv', 'a,b\n1,2\n');
		expect(scanText(plain, 'p.csv', 2)).toEqual({ bytes: 8, firstLine: 'a,b', quotes: false });
	});

	it('stops a record at 16 MB when a quote is never closed, rather than carrying the rest of the file', () => {
		const filler = `u9,x,"${'y'.repeat(1024)}\n`.repeat(20 * 1024); // 20 MB inside one unclosed quote
		const path = file('open.csv', `unit_id,name,note\nu1,a,b\nu2,"never closed\n${filler}`);
		const pieces = [...textPieces(path, 'open.csv', true)];
		expect(pieces.length).toBeGreaterThan(1);
		expect(Math.max(...pieces.map((p) => p.text.length))).toBeLessThan(17 * 1024 * 1024);
	});
});

describe('bulk files in pieces', () => {
	it('cuts a file at line ends into pieces that put it back together, each with its first line', () => {
		const text = 'header\r\nå,1\nb,2\n\nccc,3\nd,4';
		const path = file('cut.csv', text);
		for (const size of [4, 6, 9, 64]) {
			const pieces = [...linePieces(path, size)];
			expect(Buffer.concat(pieces.map((p) => p.bytes)).toString(), `pieces of ${size}`).toBe(text);
			for (const piece of pieces) {
				// Each piece starts on the line it says, and (but the last, or a line longer than a piece) ends at a line end.
				const before = Buffer.concat(pieces.slice(0, pieces.indexOf(piece)).map((p) => p.bytes)).toString();
				expect(piece.firstLine).toBe(before.split('\n').length);
				if (piece !== pieces.at(-1) && piece.bytes.length < size) expect(piece.bytes.at(-1)).toBe(10);
			}
		}
	});

	it('checks UTF-8 as bytes, a character split between blocks included', () => {
		const path = file('split.csv', 'a,b\nåäö,€\n𝄞,x\n');
		for (const block of [1, 2, 3, 5]) expect(scanText(path, 'split.csv', block)).toEqual({ bytes: Buffer.byteLength('a,b\nåäö,€\n𝄞,x\n'), firstLine: 'a,b', quotes: false });
	});
});

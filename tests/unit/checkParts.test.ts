/**
 * The check on every core (src/lib/check): files cut into shares where a
 * line starts, and the parts' findings put together, give what one worker
 * reading every file whole gives: the same rejects, counts and accepted
 * rows, the same file left out with the same words. Run here in Node on a
 * simulated network with its injected faults, every file cut in three.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ColumnRows } from '$lib/check/columns';
import { checkPart } from '$lib/check/part';
import { mergeParts } from '$lib/check/parts';
import type { CheckRequest, PartMessage } from '$lib/check/protocol';
import { cutsOf, shareOut } from '$lib/check/shares';
import { readAreas } from '../../pipelines/reference.ts';
import { REPORT_COUNTS, type Report } from '../../pipelines/schema/index.ts';
import { simulate } from '../../pipelines/simulate/index.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
/** Text in blocks of `size` bytes, as a worker reads a file. */
const blocks = (text: string, size: number) => {
	const all = bytes(text);
	return Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.subarray(i * size, (i + 1) * size));
};

describe('cutting a file into shares', () => {
	it('starts each share at the first line that starts at or after its part of the bytes, with that line', () => {
		// 16 bytes; lines start at bytes 0, 2, 4, 7, 11 (lines 1 to 5) and the file ends at 16. Half is byte 8: line 5.
		const text = 'h\na\nbb\nccc\ndddd\n';
		expect(cutsOf(blocks(text, 3), text.length, 2, false)).toEqual([
			{ start: 0, firstLine: 1 },
			{ start: 11, firstLine: 5 },
		]);
		// Quarters: bytes 4 (a line starts there), 8 (line 5 is the first after) and 12 (none after: an empty share at the end).
		expect(cutsOf(blocks(text, 5), text.length, 4, false)).toEqual([
			{ start: 0, firstLine: 1 },
			{ start: 4, firstLine: 3 },
			{ start: 11, firstLine: 5 },
			{ start: 16, firstLine: 6 },
		]);
		// More shares than lines: two start at the same line (the share between them is empty).
		expect(cutsOf(blocks('a\nb', 2), 3, 3, false)).toEqual([
			{ start: 0, firstLine: 1 },
			{ start: 2, firstLine: 2 },
			{ start: 2, firstLine: 2 },
		]);
	});

	it('cuts a CSV file only where a record starts, never at a newline in a quoted value', () => {
		// 22 bytes. Records start at bytes 0, 4 and 18 (lines 1, 2 and 5): the newlines at bytes 6 and 8 are inside quotes.
		const text = 'a,b\n"1\n2\n3",4 5,x\n6,7\n';
		// Thirds: bytes 7 and 14. Both shares after the first start at the record on line 5 (the middle one is empty).
		expect(cutsOf(blocks(text, 4), text.length, 3, true)).toEqual([
			{ start: 0, firstLine: 1 },
			{ start: 18, firstLine: 5 },
			{ start: 18, firstLine: 5 },
		]);
		// The same bytes as JSON Lines, where every newline ends a record: lines start at bytes 4, 7, 9 and 18.
		expect(cutsOf(blocks(text, 4), text.length, 3, false)).toEqual([
			{ start: 0, firstLine: 1 },
			{ start: 7, firstLine: 3 },
			{ start: 18, firstLine: 5 },
		]);
		// A quote never closed: no share starts after it.
		const open = 'a,b\n"1\n2,3\n4,5\n';
		expect(cutsOf(blocks(open, 4), open.length, 2, true)).toEqual([
			{ start: 0, firstLine: 1 },
			{ start: open.length, firstLine: 5 },
		]);
	});

	it('gives small files whole to the part with the fewest bytes, and cuts large ones', () => {
		const cuts = (file: number) => (file === 2 ? [{ start: 0, firstLine: 1 }, { start: 200, firstLine: 9 }] : [{ start: 0, firstLine: 1 }, { start: 60, firstLine: 7 }]);
		expect(shareOut([10, 30, 200, null, 120], 2, cuts, 100)).toEqual([
			{ file: 0, start: 0, end: 10, firstLine: 1, part: 0 },
			{ file: 1, start: 0, end: 30, firstLine: 1, part: 1 },
			// A file whose one record is all of it (a quote never closed): part 0 reads it all, part 1 nothing.
			{ file: 2, start: 0, end: 200, firstLine: 1, part: 0 },
			{ file: 4, start: 0, end: 60, firstLine: 1, part: 0 },
			{ file: 4, start: 60, end: 120, firstLine: 7, part: 1 },
		]);
	});
});

describe('the accepted rows as columns', () => {
	it('keeps every value of every row in its own column, ids of any script included', () => {
		const rows = new ColumnRows();
		const report = (i: number): Report =>
			({
				report_id: i === 1 ? 'rapport-å' : `r${i}`,
				unit_id: 'U1',
				specialist_id: `S${i}`,
				week: 19_000 + i,
				submitted_at: 1.7e12 + i,
				fte: 0.5,
				...Object.fromEntries(REPORT_COUNTS.map((name, k) => [name, 100 * i + k])),
			}) as Report;
		// Past the first capacity, so that the columns grow.
		for (let i = 0; i < 20_000; i++) rows.push(i % 3, i + 2, report(i));
		const columns = rows.columns();
		expect(columns.length).toBe(20_000);
		const text = (name: 'report_id' | 'unit_id' | 'specialist_id', i: number) =>
			new TextDecoder().decode(columns.strings[name].bytes.subarray(columns.strings[name].offsets[i], columns.strings[name].offsets[i + 1]));
		for (const i of [0, 1, 16_384, 19_999]) {
			expect([columns.integers.file_idx[i], columns.integers.line[i], columns.integers.week_day[i]]).toEqual([i % 3, i + 2, 19_000 + i]);
			expect([columns.doubles.submitted_ms[i], columns.doubles.fte[i]]).toEqual([1.7e12 + i, 0.5]);
			expect([text('report_id', i), text('unit_id', i), text('specialist_id', i)]).toEqual([i === 1 ? 'rapport-å' : `r${i}`, 'U1', `S${i}`]);
			// Each count its own value: a count added to the contract and not to the columns would read 0 here.
			expect(REPORT_COUNTS.map((name) => columns.integers[name][i])).toEqual(REPORT_COUNTS.map((_, k) => 100 * i + k));
		}
	});
});

describe('the check in parts', () => {
	let raw: string;
	let files: File[];
	const contents = new Map<File, Uint8Array>();
	const readBytes = (file: File, start: number, end: number) => contents.get(file)!.subarray(start, end);
	let request: Omit<CheckRequest, 'part' | 'parts'>;

	const filesIn = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesIn(join(dir, name)) : [join(dir, name)]));

	beforeAll(() => {
		raw = mkdtempSync(join(tmpdir(), 'ips-parts-'));
		simulate({ seed: 11, from: '2023-01', to: '2024-07', scale: 1, out: raw, referenceDir: 'data/reference/se', faults: true });
		const reports = filesIn(join(raw, 'reports'));
		// A file that is not UTF-8 far into it: a byte of Latin-1 on its last line.
		const latin = reports.find((f) => f.endsWith('.csv') && readFileSync(f, 'utf8').startsWith('report_id,') && !readFileSync(f, 'utf8').includes('"'))!;
		const text = readFileSync(latin);
		const lastLine = text.lastIndexOf(10, text.length - 2) + 1;
		writeFileSync(join(raw, 'latin1.csv'), Buffer.concat([text.subarray(0, lastLine), Buffer.from([0xe5]), text.subarray(lastLine)]));
		// Lines that break rules the simulated faults do not, in a comma file and a JSON Lines file.
		const [header, real] = readFileSync(latin, 'utf8').split('\n') as [string, string];
		const cells = real.split(',');
		const changed = (i: number, value: string) => cells.map((c, k) => (k === i ? value : c)).join(',');
		writeFileSync(
			join(raw, 'handmade.csv'),
			[header, changed(0, 'bad id!'), changed(3, '2024-W60'), changed(5, '1.5'), changed(6, ''), changed(8, 'many'), `${real},surplus`, changed(1, 'NO-SUCH-UNIT'), real].join('\n') + '\n',
		);
		const record = Object.fromEntries(header.split(',').map((c, i) => [c, cells[i]]));
		writeFileSync(
			join(raw, 'handmade.jsonl'),
			[JSON.stringify({ ...record, colour: 'blue' }), JSON.stringify(record).replace('{', '{"fte":1,'), '{not json', JSON.stringify({ ...record, caseload: '-3' })].join('\n') + '\n',
		);
		files = [...filesIn(raw)].filter((f) => /\.(csv|jsonl)$/.test(f)).map((path) => {
			const file = new File([readFileSync(path)], basename(path));
			contents.set(file, readFileSync(path));
			return file;
		});
		const areas = readAreas('data/reference/se');
		request = { files, asOfDay: 20_500, spans: [], regions: [...new Set(areas.map((a) => a.region_code))], areas: areas.map((a) => a.code) };
	});

	afterAll(() => rmSync(raw, { recursive: true, force: true }));

	/** The check in `parts` parts, each file of at least `sharedFromBytes` cut into shares. */
	function checkIn(parts: number, sharedFromBytes?: number) {
		const messages: PartMessage[] = [];
		const results = Array.from({ length: parts }, (_, part) => checkPart({ ...request, part, parts }, readBytes, (m) => messages.push(m), sharedFromBytes));
		const { done, unreadable } = mergeParts(results);
		// Each accepted row as its values, for a comparison that does not depend on which part read it.
		const rows: string[] = [];
		for (const columns of done.staged) {
			for (let i = 0; i < columns.length; i++) {
				const text = (c: TextColumnName) => new TextDecoder().decode(columns.strings[c].bytes.subarray(columns.strings[c].offsets[i], columns.strings[c].offsets[i + 1]));
				rows.push(
					[...Object.values(columns.integers).map((a) => a[i]), ...Object.values(columns.doubles).map((a) => a[i]), text('report_id'), text('unit_id'), text('specialist_id')].join('|'),
				);
			}
		}
		// The rows of a file left out are left out of the revision rules too (whatever part of it was read before the bad byte).
		const kept = rows.filter((row) => !done.leftOut.includes(Number(row.split('|')[0])));
		return { done, unreadable, rows: kept.sort(), fileErrors: messages.filter((m) => m.type === 'file_error') };
	}
	type TextColumnName = 'report_id' | 'unit_id' | 'specialist_id';

	it('gives what one part gives when every file is cut in three', () => {
		const whole = checkIn(1);
		const cut = checkIn(3, 1);
		// The fixture is a real test: faults of eight rules and more, thousands of rows, one file left out.
		expect(new Set(whole.done.rejects.map((r) => r.rule)).size).toBeGreaterThanOrEqual(8);
		expect(whole.done.accepted).toBeGreaterThan(2_000);
		expect(whole.unreadable.map((u) => u.file)).toEqual(['latin1.csv']);
		expect(whole.unreadable[0]!.message).toMatch(/^latin1\.csv, line \d+: the file is not UTF-8 \(byte 0xE5/);

		expect(cut.done.rejects).toEqual(whole.done.rejects);
		expect([cut.done.rows, cut.done.accepted, cut.done.rejectedRows]).toEqual([whole.done.rows, whole.done.accepted, whole.done.rejectedRows]);
		expect(cut.unreadable).toEqual(whole.unreadable);
		expect(cut.done.leftOut).toEqual(whole.done.leftOut);
		// The accepted rows, with their files and lines.
		expect(cut.rows).toEqual(whole.rows);
		// What is refused before reading (the pair of unit files is given, so nothing here) is said once, by part 0.
		expect(cut.fileErrors).toEqual(whole.fileErrors);
	});

	it('takes a file of a hundred thousand bad lines, each its own reject', () => {
		const [header, , , , , , , , real] = readFileSync(join(raw, 'handmade.csv'), 'utf8').split('\n') as string[];
		const badFte = real!.split(',').map((c, i) => (i === 5 ? '0;5' : c)).join(',');
		const text = `${header}\n${`${badFte}\n`.repeat(100_000)}${'x\n'.repeat(100_000)}`;
		const file = new File([text], 'many-bad.csv');
		contents.set(file, bytes(text));
		const onlyIt = { ...request, files: [file, ...files.filter((f) => f.name === 'units.csv' || f.name === 'unit_events.csv')] };
		// Passed at once as a call's arguments, this many rejects overflowed the stack (Chromium's before Node's).
		const { done } = mergeParts([0, 1].map((part) => checkPart({ ...onlyIt, part, parts: 2 }, readBytes, () => {}, 1)));
		expect([done.rows, done.accepted, done.rejectedRows]).toEqual([200_000, 0, 200_000]);
		expect(done.rejects.filter((r) => r.rule === 'not_number' && r.column === 'fte')).toHaveLength(100_000);
		expect(done.rejects.filter((r) => r.rule === 'malformed_row')).toHaveLength(100_000);
		// The last of them, on the file's last line.
		expect(done.rejects.filter((r) => r.file === 'many-bad.csv').at(-1)!.line).toBe(200_001);
	});

	it('reads a large file in shares on as many parts', () => {
		const messages: PartMessage[] = [];
		const shares = (part: number) => {
			checkPart({ ...request, part, parts: 3 }, readBytes, (m) => messages.push(m), 1);
			return messages.filter((m) => m.type === 'progress' && m.part === part);
		};
		// Every part reads some of the bytes, none of them all.
		const total = files.filter((f) => !['units.csv', 'unit_events.csv'].includes(f.name)).reduce((sum, f) => sum + f.size, 0);
		for (const part of [0, 1, 2]) {
			const read = shares(part).at(-1) as Extract<PartMessage, { type: 'progress' }>;
			expect(read.totalBytes).toBeGreaterThan(total / 5);
			expect(read.totalBytes).toBeLessThan(total / 2);
		}
	});
});

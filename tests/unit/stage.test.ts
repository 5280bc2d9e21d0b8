/**
 * The two validators of the weekly reports give the same answers. The bulk
 * checks in SQL (pipelines/sql/stage_reports.sql) may only let a line through
 * when the row-by-row validator (zod) would accept it, with the same values;
 * everything else they hand over. So for every line here, valid or broken in
 * one of many ways, in all three dialects, staging must give exactly what the
 * row-by-row validator gives on its own: the same accepted rows with the same
 * values, the same rejects, the same row count. And the plain lines must
 * really pass in bulk, or the pipeline would be correct but slow.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../../pipelines/db.ts';
import type { UnitLife } from '../../pipelines/fold.ts';
import type { Reject } from '../../pipelines/rejects.ts';
import { REPORT_COLUMNS } from '../../pipelines/schema/index.ts';
import { daysFromCivil } from '../../pipelines/schema/time.ts';
import { stageReports, type Staged } from '../../pipelines/stage/index.ts';
import { todayDay } from '../../pipelines/schema/time.ts';
import { validateReportFile } from '../../pipelines/stage/validateFile.ts';
import { emptyValidated, type UnitSpan } from '../../pipelines/stage/validateRow.ts';

/** Rejects in the order of the report: file, line, column. */
const byPosition = (a: Reject, b: Reject) =>
	a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0);

type Column = (typeof REPORT_COLUMNS)[number];
type Values = Record<Column, string>;

const BASE: Values = {
	report_id: 'R1', unit_id: 'U1', specialist_id: 'U1-S01', week: '2024-W07', submitted_at: '2024-02-19T08:30:00Z', fte: '0.5',
	caseload: '12', caseload_young: '4', referrals: '2', waitlist: '3', enrolled: '1', wait_days: '9',
	employer_contacts: '5', job_starts: '1', employed: '6', education_starts: '0', in_education: '2', exits: '1',
};

const ID_VALUES = ['', ' R1', 'R1 ', 'R 1', 'a'.repeat(40), 'a'.repeat(41), 'Å1', '=cmd|x', '-R1', '199001011234', '19900101-1234', '9001011234', '12345678901', '12345', 'R;1', 'R,1', 'R\t1'];
const COUNT_VALUES = ['0', '7', '05', '+5', '-5', ' 5', '5 ', '5.0', '5,0', '1e2', '0x10', '1_0', '100000', '100001', '999999', '9999999', '99999999999999999999', '', 'x', '٣', '-0'];

/** Values to try in each column, beyond the good base row. */
const TRIES: Record<Column, string[]> = {
	report_id: ID_VALUES,
	unit_id: [...ID_VALUES, 'U2', 'U3', 'U9'],
	specialist_id: ID_VALUES,
	week: ['2024-W01', '2020-W53', '2024-W53', '2024-W00', '2024-W7', ' 2024-W07', '2024-W07 ', '2024-w07', '1899-W52', '1900-W01', '2999-W01', '3000-W01', '2024-07', '', '2024-W08', '2015-W01'],
	submitted_at: [
		'2024-02-19 08:30', '2024-02-19T08:30', '2024-02-19 08:30:59', '2024-02-19T08:30Z', '2024-02-30T08:00:00Z', '2024-02-19T24:00:00Z',
		'2024-02-19T23:59:59Z', '2024-02-19T08:60:00Z', '2024-02-19T08:30:60Z', '2024-02-19T08:30:00+01:00', '2024-02-19T08:30:00.123Z',
		'2024-02-19', '', '2024-02-19t08:30:00Z', ' 2024-02-19 08:30', '2024-02-11T10:00:00Z', '2024-02-12T00:00:00Z', '2024-02-11T23:59:59Z',
		'0999-02-19T08:30:00Z', '3000-02-19T08:30:00Z',
	],
	fte: ['1', '0', '1.5', '.5', '5.', '0.50', '1.0', '1.00', '-0.5', '+0.5', ' 0.5', 'abc', '1e-1', '0.3333333333333333333', '0.1', '0,5', '', '01', '00.5'],
	caseload: COUNT_VALUES,
	caseload_young: [...COUNT_VALUES, '12', '13'],
	referrals: COUNT_VALUES,
	waitlist: COUNT_VALUES,
	enrolled: COUNT_VALUES,
	wait_days: [...COUNT_VALUES, '0'],
	employer_contacts: COUNT_VALUES,
	job_starts: COUNT_VALUES,
	employed: [...COUNT_VALUES, '13'],
	education_starts: COUNT_VALUES,
	in_education: [...COUNT_VALUES, '13'],
	exits: COUNT_VALUES,
};

/** Every variant row: the base row, then each column set to each value it is tried with. */
function variants(): Values[] {
	const rows: Values[] = [BASE, { ...BASE, enrolled: '0', wait_days: '0' }, { ...BASE, enrolled: '0' }];
	for (const column of REPORT_COLUMNS) for (const value of TRIES[column]) rows.push({ ...BASE, [column]: value });
	return rows.map((row, i) => ({ ...row, report_id: row.report_id === BASE.report_id ? `R${i}` : row.report_id }));
}

const csvLine = (row: Values, delimiter: string) => REPORT_COLUMNS.map((c) => (delimiter === ';' ? row[c].replace(/^(\d+)\.(\d+)$/, '$1,$2') : row[c])).join(delimiter);

/** JSON Lines the way exporters write them: numbers as numbers where they read as numbers, else strings. */
function jsonLine(row: Values): string {
	const members = REPORT_COLUMNS.map((c) => {
		const value = row[c];
		const numeric = !['report_id', 'unit_id', 'specialist_id', 'week', 'submitted_at'].includes(c) && /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(value);
		return `${JSON.stringify(c)}:${numeric ? value : JSON.stringify(value)}`;
	});
	return `{${members.join(',')}}`;
}

const base = jsonLine(BASE).slice(0, -1);
/** Lines whose shape, not a value, is the point. */
const JSON_SHAPES = [
	`${base}}`,
	`${base},}`,
	`${base} , }`,
	`${base},"extra":1}`,
	`${base},"caseload":13}`,
	`${base},"caseload":12}`,
	`{${'"report_id":"D1",'}${base.slice(1)}}`,
	` ${base} }  `,
	`{ ${REPORT_COLUMNS.map((c) => `"${c}" : ${JSON.stringify(BASE[c])}`).join(' , ')} }`,
	`{${[...REPORT_COLUMNS].reverse().map((c) => `"${c}":${JSON.stringify(BASE[c])}`).join(',')}}`,
	jsonLine(BASE).replace('"caseload":12', '"caseload":12.0'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":1.2e1'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":-0'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":null'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":true'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":[12]'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":{"n":12}'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":NaN'),
	jsonLine(BASE).replace('"caseload":12', '"caseload":Infinity'),
	jsonLine(BASE).replace('"fte":0.5', '"fte":5e-1'),
	jsonLine(BASE).replace('"fte":0.5', '"fte":"0.5"'),
	jsonLine(BASE).replace('"report_id":"R1"', '"report_id":17'),
	jsonLine(BASE).replace('"report_id":"R1"', '"report\\u005fid":"R1"'),
	jsonLine(BASE).replace('"report_id":"R1"', '"report_id":"R\\u0031"'),
	jsonLine(BASE).replace('"report_id":"R1"', '"report_id":"R1,U1"'),
	jsonLine(BASE).replace('"unit_id":"U1"', '"unit_id":"U1","unit_id":"U2"'),
	`[${base}}]`,
	'{}',
	'not json',
	'\t',
	'   ',
	'"text"',
	`${base}}x`,
	`${base}}${base}}`,
	`${base}/*c*/}`,
];

/** Lines of a CSV file whose shape is the point. */
const CSV_SHAPES = (delimiter: string) => [
	csvLine(BASE, delimiter) + delimiter,
	csvLine(BASE, delimiter).split(delimiter).slice(0, -1).join(delimiter),
	'',
	' ',
	'\r',
	csvLine(BASE, delimiter) + '\r',
	csvLine(BASE, delimiter).replace(delimiter, ` ${delimiter}`),
	delimiter.repeat(17),
];

const spans: [string, number, number | null][] = [
	['U1', daysFromCivil(2019, 1, 1), null],
	['U2', daysFromCivil(2024, 2, 14), null], // opens in the week of 2024-W07
	['U3', daysFromCivil(2020, 1, 1), daysFromCivil(2024, 2, 12)], // closed on the Monday of 2024-W07
];
const lives = new Map(spans.map(([unit_id, opened_on, closed_on]) => [unit_id, { unit_id, opened_on, closed_on } as UnitLife]));

let dir: string;
let files: string[];
let conn: DuckDBConnection;
let staged: Staged;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'ips-stage-test-'));
	const rows = variants();
	const header = REPORT_COLUMNS.join(',');
	const contents: Record<string, string> = {
		'comma.csv': [header, ...rows.map((r) => csvLine(r, ',')), ...CSV_SHAPES(',')].join('\n') + '\n',
		// as Nordic spreadsheets export: semicolons, decimal commas, a byte-order mark, CRLF, no final newline
		'semicolon.csv': '\uFEFF' + [header.replaceAll(',', ';'), ...rows.map((r) => csvLine(r, ';')), ...CSV_SHAPES(';')].join('\r\n'),
		// decimal points in a ;-file are not the file's dialect
		'semicolon-points.csv': [header.replaceAll(',', ';'), ...rows.map((r) => REPORT_COLUMNS.map((c) => r[c]).join(';'))].join('\n'),
		'lines.jsonl': '\uFEFF' + [...rows.map(jsonLine), ...JSON_SHAPES].join('\n') + '\n',
		'strings.jsonl': rows.map((r) => JSON.stringify(r)).join('\r\n'),
		'clean.csv': [header, ...rows.slice(0, 2).map((r) => csvLine(r, ','))].join('\n') + '\n',
		// read row by row from the start: quotes, and columns in another order
		'quoted.csv': [header, ...rows.slice(0, 40).map((r) => REPORT_COLUMNS.map((c) => `"${r[c]}"`).join(','))].join('\n') + '\n',
		'reordered.csv': [[...REPORT_COLUMNS].reverse().join(','), ...rows.slice(0, 40).map((r) => [...REPORT_COLUMNS].reverse().map((c) => r[c]).join(','))].join('\n') + '\n',
	};
	files = Object.keys(contents).sort();
	for (const file of files) writeFileSync(join(dir, file), contents[file]!);
	conn = await openDatabase();
	staged = await stageReports(conn, dir, files, lives, () => {});
});

afterAll(() => conn?.closeSync());

/** The row-by-row validator alone, over every file. */
function rowByRow() {
	const into = emptyValidated();
	const spanMap = new Map<string, UnitSpan>(spans.map((s) => [s[0], s]));
	files.forEach((file, idx) => validateReportFile(dir, file, idx, { spans: spanMap, asOfDay: todayDay() }, into));
	return into;
}

const rejectKey = (r: Reject) => `${r.file}|${r.line}|${r.column}|${r.rule}|${r.value}|${r.message}`;

describe('staging the weekly reports', () => {
	it('accepts exactly the rows the row-by-row validator accepts, with the same values', async () => {
		const expected = rowByRow().accepted.lines.map((line) => line.trimEnd()).sort();
		const reader = await conn.runAndReadAll(`
			SELECT concat_ws(chr(9), file_idx, line, report_id, unit_id, specialist_id, week - DATE '1970-01-01', submitted_at, fte,
				caseload, caseload_young, referrals, waitlist, enrolled, wait_days, employer_contacts, job_starts, employed,
				education_starts, in_education, exits)
			FROM report_rows`);
		// Numbers printed the way the row-by-row validator prints them.
		const actual = (reader.getRowsJS() as [string][])
			.map(([line]) => line.split('\t').map((v) => (/^-?[\d.]+(e-?\d+)?$/.test(v) ? String(Number(v)) : v)).join('\t'))
			.sort();
		expect(expected.length).toBeGreaterThan(500);
		expect(actual).toEqual(expected);
	});

	it('rejects the same rows for the same rules, and counts the same rows', () => {
		const expected = rowByRow();
		expect(staged.rejects.map(rejectKey).sort()).toEqual(expected.rejects.map(rejectKey).sort());
		expect(staged.rejects.length).toBeGreaterThan(500);
		expect(staged.rows).toBe(expected.rows);
		expect(staged.rejects.slice().sort(byPosition)[0]!.file).toBe('comma.csv');
	});

	it('gives the same answers, lines included, when the files are checked in several batches and the large ones in pieces', async () => {
		const db = await openDatabase();
		try {
			// At least one file is cut into pieces of 10 kB.
			expect(files.filter((f) => statSync(join(dir, f)).size > 20_000).length).toBeGreaterThan(0);
			const batched = await stageReports(db, dir, files, lives, () => {}, todayDay(), 20_000);
			expect(batched.rows).toBe(staged.rows);
			expect(batched.flagged).toBe(staged.flagged);
			expect(batched.rejects.map(rejectKey).sort()).toEqual(staged.rejects.map(rejectKey).sort());
			const rows = async (c: DuckDBConnection) =>
				(await c.runAndReadAll('SELECT * FROM report_rows ORDER BY file_idx, line')).getRowsJS();
			expect(await rows(db)).toEqual(await rows(conn));
		} finally {
			db.closeSync();
		}
	});

	it('takes plain lines in bulk, and files it cannot read line by line row by row', async () => {
		expect(staged.filesReadRowByRow).toBe(2); // quoted.csv and reordered.csv
		// Plain lines in every dialect: none is flagged.
		const clean = mkdtempSync(join(tmpdir(), 'ips-stage-clean-'));
		const rows = variants().slice(0, 2);
		const header = REPORT_COLUMNS.join(',');
		writeFileSync(join(clean, 'a.csv'), [header, ...rows.map((r) => csvLine(r, ','))].join('\n') + '\n');
		writeFileSync(join(clean, 'b.csv'), '\uFEFF' + [header.replaceAll(',', ';'), ...rows.map((r) => csvLine(r, ';'))].join('\r\n') + '\r\n');
		writeFileSync(join(clean, 'c.jsonl'), rows.map(jsonLine).join('\n'));
		writeFileSync(join(clean, 'd.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
		const db = await openDatabase();
		try {
			const result = await stageReports(db, clean, ['a.csv', 'b.csv', 'c.jsonl', 'd.jsonl'], lives, () => {});
			expect(result).toEqual({ rows: 8, rejects: [], flagged: 0, filesReadRowByRow: 0 });
			expect((await db.runAndReadAll('SELECT count(*)::INTEGER FROM report_rows')).getRowsJS()).toEqual([[8]]);
		} finally {
			db.closeSync();
		}
	});
});

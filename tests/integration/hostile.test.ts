/** Hostile input: each case gives a clear reject or a clear error; none crashes or drops a row silently. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../pipelines/read/csv.ts';
import { InputError } from '../../pipelines/read/errors.ts';
import { copyFixture, readParquet, run } from '../helpers.ts';

const HEADER = 'report_id,unit_id,specialist_id,week,submitted_at,fte,caseload,caseload_young,referrals,waitlist,enrolled,wait_days,employer_contacts,job_starts,employed,education_starts,in_education,exits';
const GOOD = 'h1,u1,s9,2024-W04,2024-01-29T10:00:00Z,1,10,2,1,0,1,5,3,0,4,0,1,0';

/** Adds one report file to a copy of the small fixture and runs the pipeline. */
async function withReport(name: string, content: string | Buffer) {
	const dir = copyFixture('small');
	writeFileSync(join(dir, 'reports', name), content);
	const result = await run(dir);
	const text = readFileSync(result.rejectsPath, 'utf8');
	const rejects = text.trimEnd().split('\n').slice(1);
	/** The rejects report parsed: file, line, column, value, rule. */
	const parsed = [...csvRecords(text, ',')].slice(1).map((r) => r.cells.slice(0, 5));
	return { result, rejects, parsed };
}

async function inputError(name: string, content: string | Buffer): Promise<string> {
	try {
		await withReport(name, content);
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return (error as Error).message;
	}
	throw new Error('expected an InputError');
}

const field = (line: string, column: string, value: string) => {
	const names = HEADER.split(',');
	const cells = line.split(',');
	cells[names.indexOf(column)] = value;
	return cells.join(',');
};

describe('hostile input', () => {
	it('an empty file stops the run and names the file', async () => {
		expect(await inputError('empty.csv', '')).toBe(
			`reports/empty.csv: the file is empty or its first line is blank; the first line must be the header (${HEADER.split(',').join(', ')}).`,
		);
	});

	it('a header-only file is read as no rows', async () => {
		const { result, rejects } = await withReport('header.csv', `${HEADER}\r\n`);
		expect(result.published).toBe(true);
		expect(result.summary.inputs).toMatchObject({ report_files: 4, report_rows: 9 });
		expect(rejects).toEqual([]);
	});

	it('a 10 MB line is rejected as one row, its value shortened in the report', async () => {
		const huge = 'x'.repeat(10 * 1024 * 1024);
		const { result, rejects } = await withReport('huge.csv', `${HEADER}\n${field(GOOD, 'report_id', huge)}\n${GOOD}\n`);
		expect(result.summary.rows_rejected).toBe(1);
		expect(rejects).toEqual([`reports/huge.csv,2,report_id,${'x'.repeat(120)}… (10485760 characters),id_format,"must be 1–40 letters, digits, ""_"" or ""-"""`]);
		expect(result.summary.reports_published).toBe(8);
	});

	it('a tab-separated file stops the run with the columns it expected', async () => {
		const message = await inputError('tabs.csv', `${HEADER.replaceAll(',', '\t')}\n${GOOD.replaceAll(',', '\t')}\n`);
		expect(message).toMatch(/^reports\/tabs\.csv, line 1: missing columns report_id, unit_id, .*Is the file separated by something other than , or ;\?$/s);
	});

	it('Latin-1 bytes stop the run at the line of the first bad byte', async () => {
		const latin1 = Buffer.from(`${HEADER}\n${GOOD}\n${field(GOOD, 'report_id', 'Målilla')}\n`, 'latin1');
		expect(await inputError('latin1.csv', latin1)).toBe(
			"reports/latin1.csv, line 3: the file is not UTF-8 (byte 0xE5 ('å' in Latin-1)). Save or export it as UTF-8 and run again.",
		);
	});

	it('spreadsheet formulas stay text and are neutralised in the CSV we write', async () => {
		const { rejects } = await withReport('formula.csv', `${HEADER}\n${field(GOOD, 'report_id', '"=cmd|\' /C calc\'!A0"')}\n`);
		expect(rejects).toEqual([`reports/formula.csv,2,report_id,'=cmd|' /C calc'!A0,id_format,"must be 1–40 letters, digits, ""_"" or ""-"""`]);
	});

	it('numbers past 2^53 are rejected, in CSV and in JSON Lines', async () => {
		const json = JSON.stringify(Object.fromEntries(HEADER.split(',').map((c, i) => [c, GOOD.split(',')[i]]))).replace('"employer_contacts":"3"', '"employer_contacts":9007199254740993');
		const { rejects } = await withReport('big.jsonl', `${json}\n`);
		expect(rejects).toEqual(['reports/big.jsonl,1,employer_contacts,9007199254740992,too_large,"is implausibly large (more than 100,000)"']);
		const csv = await withReport('big.csv', `${HEADER}\n${field(GOOD, 'caseload', '99999999999999999999')}\n`);
		expect(csv.rejects[0]).toMatch(/^reports\/big\.csv,2,caseload,99999999999999999999,too_large,/);
	});

	it('negative counts, impossible dates and week 54 name their rule', async () => {
		const { rejects } = await withReport('bad.csv', [
			HEADER,
			field(GOOD, 'waitlist', '-2'),
			field(GOOD, 'week', '2023-W54'),
			field(GOOD, 'submitted_at', '2023-02-30T08:00:00Z'),
		].join('\n'));
		expect(rejects.map((r) => r.split(',').slice(0, 5).join(','))).toEqual([
			"reports/bad.csv,2,waitlist,'-2,negative",
			'reports/bad.csv,3,week,2023-W54,week_format',
			'reports/bad.csv,4,submitted_at,2023-02-30T08:00:00Z,timestamp_format',
		]);
	});

	it('an impossible event date is rejected in unit_events.csv', async () => {
		const dir = copyFixture('small');
		writeFileSync(join(dir, 'unit_events.csv'), readFileSync(join(dir, 'unit_events.csv'), 'utf8') + 'u3,2023-02-30,fidelity_review,90\n');
		const result = await run(dir);
		expect(readFileSync(result.rejectsPath, 'utf8')).toContain('unit_events.csv,16,date,2023-02-30,date_format,must be a real calendar date written YYYY-MM-DD');
	});

	it('missing and extra columns stop the run', async () => {
		expect(await inputError('short.csv', `${HEADER.replace(',exits', '')}\n`)).toMatch(/^reports\/short\.csv, line 1: missing column exits\./);
		expect(await inputError('long.csv', `${HEADER},notes\n`)).toMatch(/^reports\/long\.csv, line 1: unknown column "notes"\./);
	});

	it('keeps editor line numbers across quoted newlines, and rejects ragged rows', async () => {
		const { result, parsed } = await withReport('ragged.csv', [
			HEADER,
			field(GOOD, 'report_id', '"multi\nline"'),
			'h2,u1,s8,2024-W04',
			field(GOOD, 'caseload', '-1'),
		].join('\n'));
		expect(parsed).toEqual([
			['reports/ragged.csv', '2', 'report_id', 'multi\nline', 'id_format'],
			['reports/ragged.csv', '4', '', 'h2,u1,s8,2024-W04', 'malformed_row'],
			['reports/ragged.csv', '5', 'caseload', "'-1", 'negative'],
		]);
		expect(result.summary.rows_rejected).toBe(3);
	});

	it('rejects broken JSON Lines records and unknown keys, counting lines as an editor does', async () => {
		const { parsed } = await withReport('broken.jsonl', '{"report_id": \n\n[1,2]\n{"report_id":"a","colour":"red"}\n');
		expect(parsed).toEqual([
			['reports/broken.jsonl', '1', '', '{"report_id":', 'malformed_row'],
			['reports/broken.jsonl', '3', '', '[1,2]', 'malformed_row'],
			['reports/broken.jsonl', '4', 'colour', '"red"', 'unknown_column'],
		]);
	});

	it('never publishes a personal identity number, even in the rejects report', async () => {
		const { rejects, parsed } = await withReport('pnr.csv', `${HEADER}\n${field(GOOD, 'specialist_id', '19800101-1231')}\n`);
		expect(parsed).toEqual([['reports/pnr.csv', '2', 'specialist_id', '[redacted: looks like a personal identity number]', 'personal_identity_number']]);
		expect(rejects.join('\n')).not.toContain('19800101');
	});

	it('accounts for every report row read', async () => {
		const { result } = await withReport('mixed.csv', [HEADER, GOOD, field(GOOD, 'fte', '7'), field(GOOD, 'unit_id', 'u404')].join('\n'));
		const s = result.summary;
		expect(s.inputs.report_rows).toBe(12);
		// published + replaced + duplicates + rejected = read
		expect(s.reports_published + s.revisions_replaced + s.duplicates + s.rows_rejected).toBe(s.inputs.report_rows);
		expect(s.rejects_by_rule).toMatchObject({ fte_range: { rows: 1 }, unit_unknown: { rows: 1 } });
	});

	it('rejects a report from the future by a rule of its own, so it cannot take over the data period', async () => {
		const dir = copyFixture('small');
		// Plain lines (checked in bulk first) and a quoted one (row by row): week 2099-W01, and a 2024 week submitted in 2099.
		writeFileSync(join(dir, 'reports', 'future.csv'), [HEADER, field(field(GOOD, 'week', '2099-W01'), 'submitted_at', '2099-01-05T10:00:00Z'), field(field(GOOD, 'report_id', 'h2'), 'submitted_at', '2099-01-05T10:00:00Z')].join('\n') + '\n');
		writeFileSync(join(dir, 'reports', 'quoted.csv'), `${HEADER}\n${field(field(GOOD, 'report_id', '"h3"'), 'week', '2099-W01')}\n`);
		const strict = await run(dir, { maxRejectRate: 0, asOf: '2026-11-30' });
		expect(strict.published).toBe(false);
		const result = await run(dir, { asOf: '2026-11-30' });
		const rejects = [...csvRecords(readFileSync(result.rejectsPath, 'utf8'), ',')].slice(1).map((r) => r.cells.slice(0, 5));
		expect(rejects).toEqual([
			['reports/future.csv', '2', 'week', '2099-W01', 'in_future'],
			['reports/future.csv', '3', 'submitted_at', '2099-01-05T10:00:00Z', 'in_future'],
			['reports/quoted.csv', '2', 'week', '2099-W01', 'in_future'],
		]);
		// The data period comes from accepted rows only: the fixture's weeks of January 2024.
		expect(result.manifest!.data_period!.last_week).toBe('2024-01-22');
	});

	it('takes the reference date from --as-of, with a day’s slack for the submission', async () => {
		const dir = copyFixture('small');
		// GOOD is week 2024-W04 (Monday 22 January), submitted on the 29th.
		writeFileSync(join(dir, 'reports', 'late.csv'), `${HEADER}\n${GOOD}\n`);
		const before = await run(dir, { asOf: '2024-01-21' });
		expect(readFileSync(before.rejectsPath, 'utf8')).toContain('reports/late.csv,2,week,2024-W04,in_future,');
		const slack = await run(dir, { asOf: '2024-01-28' });
		expect(readFileSync(slack.rejectsPath, 'utf8')).not.toContain('in_future');
		const after = await run(dir, { asOf: '2024-01-27' });
		expect(readFileSync(after.rejectsPath, 'utf8')).toContain('reports/late.csv,2,submitted_at,2024-01-29T10:00:00Z,in_future,');
	});

	it('reads a submission time in its own time zone: 00:30+01:00 on the Monday of its week is that Monday', async () => {
		const { parsed, result } = await withReport('midnight.csv', `${HEADER}\n${field(GOOD, 'submitted_at', '2024-01-22T00:30:00+01:00')}\n`);
		expect(parsed).toEqual([]);
		expect(result.summary.rows_rejected).toBe(0);
		const { parsed: early } = await withReport('early.csv', `${HEADER}\n${field(GOOD, 'submitted_at', '2024-01-21T23:30:00-01:00')}\n`);
		expect(early).toEqual([['reports/early.csv', '2', 'week', '2024-W04', 'week_after_submission']]);
	});

	it('refuses a JSON Lines record that names a key twice, rather than keep the last value', async () => {
		const record = JSON.stringify(Object.fromEntries(HEADER.split(',').map((c, i) => [c, GOOD.split(',')[i]])));
		// The repeated caseload, first in a record of all eighteen keys (nineteen in all), then in place of another key.
		const twice = record.replace('"caseload":"10"', '"caseload":"10","caseload":"99"');
		const replacing = record.replace('"exits":"0"', '"caseload":"99"');
		const { parsed } = await withReport('twice.jsonl', `${twice}\n${replacing}\n{"a":{"b":1,"b":2},"report_id":"x"}\n`);
		expect(parsed.map((r) => [r[1], r[2], r[4]])).toEqual([
			['1', 'caseload', 'malformed_row'],
			['2', 'caseload', 'malformed_row'],
			['3', 'a', 'unknown_column'],
		]);
	});

	it('redacts only what is a personal identity number: a large count keeps its value in the report', async () => {
		const { parsed } = await withReport('big.csv', `${HEADER}\n${field(GOOD, 'employer_contacts', '1234567890')}\n`);
		expect(parsed).toEqual([['reports/big.csv', '2', 'employer_contacts', '1234567890', 'too_large']]);
	});

	it('refuses control characters in text, and says why the events of a rejected unit cannot be used', async () => {
		const dir = copyFixture('small');
		const units = readFileSync(join(dir, 'units.csv'), 'utf8').replace('u2,Gamma IPS,', 'u2,Gamma\u0000IPS,');
		writeFileSync(join(dir, 'units.csv'), units);
		const result = await run(dir);
		const rejects = [...csvRecords(readFileSync(result.rejectsPath, 'utf8'), ',')].slice(1).map((r) => r.cells);
		expect(rejects.find((r) => r[0] === 'units.csv')?.slice(0, 5)).toEqual(['units.csv', '3', 'name', 'Gamma\u0000IPS', 'control_character']);
		const events = rejects.filter((r) => r[0] === 'unit_events.csv');
		expect(events.length).toBeGreaterThan(0);
		for (const event of events) {
			expect(event[4]).toBe('event_unit_rejected');
			expect(event[5]).toContain('see units.csv, line 3');
		}
		// Nothing of the unit is published.
		expect((await readParquet(join(result.outDir, 'units.parquet'))).map((u) => u.unit_id)).not.toContain('u2');
	});

	it('keeps a value implausible for its unit and reports it as a warning, in the summary and the manifest', async () => {
		// u1 reports caseloads of 6 to 15 a week; one of 900 (with nothing else out of line) is valid on its own.
		const line = field(field(GOOD, 'report_id', 'big1'), 'caseload', '900');
		const { result, parsed } = await withReport('big.csv', `${HEADER}\n${line}\n`);
		expect(parsed).toEqual([]);
		expect(result.summary.warnings).toEqual([{ file: 'reports/big.csv', line: 2, column: 'caseload', value: 900, usual: expect.any(Number) }]);
		expect(result.summary.warnings[0]!.usual).toBeLessThan(900 / 50);
		expect(result.manifest!.warnings).toEqual({ rows: 1, by_column: { caseload: 1 } });
		// Kept: the week's caseload includes it.
		const week = (await readParquet(join(result.outDir, 'unit_week.parquet'))).find((r) => r.unit_id === 'u1' && r.week === '2024-01-22')!;
		expect(Number(week.caseload)).toBeGreaterThanOrEqual(900);
	});

	it('accounts in the manifest for every row of every input file: published, replaced, duplicate or rejected', async () => {
		const dir = copyFixture('small');
		writeFileSync(join(dir, 'reports', 'mixed.csv'), [HEADER, GOOD, field(GOOD, 'fte', '7'), field(GOOD, 'unit_id', 'u404'), GOOD].join('\n') + '\n');
		writeFileSync(join(dir, 'units.csv'), readFileSync(join(dir, 'units.csv'), 'utf8') + 'u9,Nine,private,h,R1\n');
		const result = await run(dir);
		const accounting = result.manifest!.inputs.accounting!;
		// Data rows counted here from the files themselves: non-blank lines, less a CSV's header.
		const dataRows = (file: string) => readFileSync(join(dir, file), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '').length - (file.endsWith('.csv') ? 1 : 0);
		expect(accounting.reports.map((r) => r.file)).toEqual(readdirSync(join(dir, 'reports')).sort().map((f) => `reports/${f}`));
		for (const r of accounting.reports) {
			expect(r.rows, r.file).toBe(dataRows(r.file));
			expect(r.published + r.replaced + r.duplicates + r.rejected, r.file).toBe(r.rows);
		}
		// mixed.csv: GOOD once published, its copy a duplicate, fte 7 and u404 rejected.
		expect(accounting.reports.find((r) => r.file === 'reports/mixed.csv')).toEqual({ file: 'reports/mixed.csv', rows: 4, published: 1, replaced: 0, duplicates: 1, rejected: 2 });
		expect(accounting.units).toEqual({ rows: dataRows('units.csv'), published: dataRows('units.csv') - 1, rejected: 1 });
		expect(accounting.events.rows).toBe(dataRows('unit_events.csv'));
		expect(accounting.events.used + accounting.events.rejected).toBe(accounting.events.rows);
	});
});

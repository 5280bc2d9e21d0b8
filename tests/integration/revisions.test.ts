/** Late, corrected, repeated and conflicting submissions of the weekly report. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, readParquet, run } from '../helpers.ts';

const HEADER = 'report_id,unit_id,specialist_id,week,submitted_at,fte,caseload,caseload_young,referrals,waitlist,enrolled,wait_days,employer_contacts,job_starts,employed,education_starts,in_education,exits';
const row = (id: string, specialist: string, week: string, submitted: string, caseload: number) =>
	`${id},u1,${specialist},${week},${submitted},1,${caseload},0,0,0,0,0,0,0,0,0,0,0`;

async function scenario(lines: string[]) {
	const dir = copyFixture('small');
	writeFileSync(join(dir, 'reports', 'extra.csv'), [HEADER, ...lines].join('\n') + '\n');
	const result = await run(dir);
	const out = result.outDir;
	const weeks = await readParquet(join(out, 'unit_week.parquet'));
	const rejects = readFileSync(result.rejectsPath, 'utf8').trim().split('\n').slice(1);
	return { result, weeks, rejects };
}

describe('revisions', () => {
	it('lets the latest submitted_at win, whichever file holds it', async () => {
		// s9 in W04: the revision sits above the original in the file.
		const { result, weeks } = await scenario([
			row('x2', 's9', '2024-W04', '2024-02-01T10:00:00Z', 30),
			row('x1', 's9', '2024-W04', '2024-01-29T10:00:00Z', 20),
		]);
		expect(result.summary.revisions_replaced).toBe(2); // r4 in the fixture, x1 here
		const w04 = weeks.find((w) => w.unit_id === 'u1' && w.week === '2024-01-22')!;
		expect(w04.caseload).toBe(17 + 30); // r7 + x2
		expect(w04.specialists).toBe(2);
	});

	it('counts the same report delivered twice once', async () => {
		const line = row('x1', 's9', '2024-W04', '2024-01-29T10:00:00Z', 20);
		const { result, weeks } = await scenario([line, line]);
		expect(result.summary.duplicates).toBe(2); // r1 in the fixture, x1 here
		expect(result.summary.rows_rejected).toBe(0);
		expect(weeks.find((w) => w.unit_id === 'u1' && w.week === '2024-01-22')!.caseload).toBe(37);
	});

	it('rejects both of two different submissions with the same submitted_at', async () => {
		const { result, weeks, rejects } = await scenario([
			row('x1', 's9', '2024-W04', '2024-01-29T10:00:00Z', 20),
			row('x2', 's9', '2024-W04', '2024-01-29T10:00:00Z', 21),
		]);
		expect(result.summary.rows_rejected).toBe(2);
		expect(rejects).toEqual([
			'reports/extra.csv,2,submitted_at,2024-01-29T10:00:00.000Z,conflicting_submission,"another, different submission for the same unit, specialist and week has the same submitted_at"',
			'reports/extra.csv,3,submitted_at,2024-01-29T10:00:00.000Z,conflicting_submission,"another, different submission for the same unit, specialist and week has the same submitted_at"',
		]);
		expect(weeks.find((w) => w.unit_id === 'u1' && w.week === '2024-01-22')!.caseload).toBe(17);
	});

	it('falls back to the latest valid submission when a later pair conflicts', async () => {
		const { weeks } = await scenario([
			row('x0', 's9', '2024-W04', '2024-01-28T10:00:00Z', 11),
			row('x1', 's9', '2024-W04', '2024-01-29T10:00:00Z', 20),
			row('x2', 's9', '2024-W04', '2024-01-29T10:00:00Z', 21),
		]);
		expect(weeks.find((w) => w.unit_id === 'u1' && w.week === '2024-01-22')!.caseload).toBe(17 + 11);
	});

	it('rejects a report_id used again for a different submission', async () => {
		const { result, rejects } = await scenario([row('r1', 's9', '2024-W04', '2024-01-29T10:00:00Z', 20)]);
		// r1 appears in 2024-W02.csv (and its duplicate in late.jsonl): both distinct uses are rejected.
		expect(result.summary.rejects_by_rule.report_id_reused?.rows).toBe(2);
		expect(rejects.map((r) => r.split(',').slice(0, 5).join(','))).toEqual([
			'reports/2024-W02.csv,2,report_id,r1,report_id_reused',
			'reports/extra.csv,2,report_id,r1,report_id_reused',
		]);
	});

	it('validates replaced rows too', async () => {
		const { result, rejects } = await scenario([
			row('x1', 's9', '2024-W04', '2024-01-29T10:00:00Z', -5),
			row('x2', 's9', '2024-W04', '2024-01-30T10:00:00Z', 20),
		]);
		expect(result.summary.rows_rejected).toBe(1);
		expect(rejects[0]).toMatch(/^reports\/extra\.csv,2,caseload,'-5,negative,/);
	});
});

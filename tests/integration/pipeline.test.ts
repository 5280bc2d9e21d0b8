/**
 * The small fixture (tests/fixtures/small) run end to end. Every expected
 * number below was worked out by hand from the fixture files:
 * - 2024-W02.csv: r1, r2 (unit u1), r3 (u2).
 * - 2024-W03.csv (;-separated, BOM, CRLF, decimal comma): r4, r5 (u1), r6 (u2).
 * - late.jsonl: r4b revises r4 (caseload 16 → 17, employed 7 → 8), r1 again
 *   (the same report delivered twice), r7 (u1, s1, W04).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, readArrow, readParquet, run } from '../helpers.ts';

const small = join(FIXTURES, 'small');
const result = await run(small);
const out = result.outDir;
const mart = (name: string, orderBy?: string) => readParquet(join(out, `${name}.parquet`), orderBy);

describe('small fixture', () => {
	it('publishes with no rejects, one revision and one duplicate', () => {
		expect(result.published).toBe(true);
		expect(result.summary.rows_read).toBe(9 + 3 + 14);
		expect(result.summary.rows_rejected).toBe(0);
		expect(result.summary.reports_accepted).toBe(9);
		expect(result.summary.revisions_replaced).toBe(1);
		expect(result.summary.duplicates).toBe(1);
		expect(result.summary.reports_published).toBe(7);
	});

	it('sums unit_week by hand', async () => {
		const rows = await mart('unit_week');
		expect(rows.map((r) => [r.unit_id, r.week])).toEqual([
			['u1', '2024-01-08'],
			['u1', '2024-01-15'],
			['u1', '2024-01-22'],
			['u2', '2024-01-08'],
			['u2', '2024-01-15'],
		]);
		// u1, W02: r1 + r2.
		expect(rows[0]).toEqual({
			unit_id: 'u1', week: '2024-01-08', specialists: 2, fte: 1.5, reports: 2, joiners: 2, leavers: 0,
			caseload: 23, caseload_young: 6, referrals: 3, waitlist: 4, enrolled: 1, wait_days: 10,
			employer_contacts: 7, job_starts: 1, employed: 9, education_starts: 1, in_education: 3, exits: 1,
		});
		// u1, W03: r4b (not r4) + r5, whose fte 0,5 came with a decimal comma.
		expect(rows[1]).toEqual({
			unit_id: 'u1', week: '2024-01-15', specialists: 2, fte: 1.5, reports: 2, joiners: 0, leavers: 0,
			caseload: 25, caseload_young: 6, referrals: 1, waitlist: 5, enrolled: 2, wait_days: 19,
			employer_contacts: 7, job_starts: 1, employed: 11, education_starts: 0, in_education: 3, exits: 1,
		});
		expect(rows[2]).toMatchObject({ specialists: 1, fte: 1, reports: 1, caseload: 17, joiners: 0, leavers: 0 });
		expect(rows[3]).toMatchObject({ specialists: 1, caseload: 12, enrolled: 2, wait_days: 14, joiners: 1, leavers: 0 });
		// u2 closed on 2024-02-26, so s3's spell ended with the last report, in W03.
		expect(rows[4]).toMatchObject({ caseload: 13, job_starts: 1, joiners: 0, leavers: 1 });
	});

	it('folds the event log into units', async () => {
		expect(await mart('units')).toEqual([
			{ unit_id: 'u1', name: 'Alpha IPS', org_type: 'municipal', host: 'Alpha municipality', region_code: 'R1', opened_on: '2024-01-01', closed_on: null, funding_initial: 'project', funding_current: 'permanent', fidelity_first: 82, fidelity_latest: 101 },
			{ unit_id: 'u2', name: 'Gamma IPS', org_type: 'region', host: 'Region Two psychiatry', region_code: 'R2', opened_on: '2024-01-08', closed_on: '2024-02-26', funding_initial: 'mixed', funding_current: 'mixed', fidelity_first: null, fidelity_latest: null },
			{ unit_id: 'u3', name: 'Delta joint', org_type: 'joint', host: "=cmd|' /C calc'!A0", region_code: 'R2', opened_on: '2024-01-01', closed_on: null, funding_initial: null, funding_current: null, fidelity_first: null, fidelity_latest: null },
		]);
	});

	it('keeps served municipalities as periods, closed by stops_serving or by closing', async () => {
		expect(await mart('unit_areas')).toEqual([
			{ unit_id: 'u1', area_code: 'A01', valid_from: '2024-01-01', valid_to: null },
			{ unit_id: 'u1', area_code: 'A02', valid_from: '2024-01-15', valid_to: '2024-04-01' },
			{ unit_id: 'u2', area_code: 'B01', valid_from: '2024-01-08', valid_to: '2024-02-26' },
			{ unit_id: 'u3', area_code: 'B02', valid_from: '2024-01-01', valid_to: null },
		]);
	});

	it('keeps the funding history as periods, closed by a change of funding or by closing', async () => {
		// u1: project from opening, permanent from 2024-03-01; u2: mixed until it closed; u3 has no funding event.
		expect(await mart('unit_funding')).toEqual([
			{ unit_id: 'u1', funding: 'project', valid_from: '2024-01-01', valid_to: '2024-03-01' },
			{ unit_id: 'u1', funding: 'permanent', valid_from: '2024-03-01', valid_to: null },
			{ unit_id: 'u2', funding: 'mixed', valid_from: '2024-01-08', valid_to: '2024-02-26' },
		]);
	});

	it('bands fidelity reviews, each with its outcome window', async () => {
		// u1 reported in January 2024 alone: the four quarters after 2024 Q2 and after 2025 Q1 hold no report.
		expect(await mart('fidelity')).toEqual([
			{ unit_id: 'u1', reviewed_on: '2024-06-01', score: 82, level: 'fair', employed_after: 0, caseload_after: 0 },
			{ unit_id: 'u1', reviewed_on: '2025-01-10', score: 101, level: 'good', employed_after: 0, caseload_after: 0 },
		]);
	});

	it('publishes spells with opaque ids, not pseudonyms', async () => {
		const spells = await mart('specialist_spells');
		expect(spells).toEqual([
			{ spell_id: 'u1-0001', unit_id: 'u1', first_week: '2024-01-08', last_week: '2024-01-15', ended: false },
			{ spell_id: 'u1-0002', unit_id: 'u1', first_week: '2024-01-08', last_week: '2024-01-22', ended: false },
			{ spell_id: 'u2-0001', unit_id: 'u2', first_week: '2024-01-08', last_week: '2024-01-15', ended: true },
		]);
		for (const name of ['unit_week', 'units', 'unit_areas', 'unit_funding', 'fidelity', 'specialist_spells', 'areas']) {
			const bytes = readFileSync(join(out, `${name}.parquet`)).toString('latin1') + readFileSync(join(out, `${name}.arrow`)).toString('latin1');
			for (const pseudonym of ['s1', 's2', 's3']) expect(bytes).not.toMatch(new RegExp(`[^a-z0-9]${pseudonym}[^0-9]`));
		}
	});

	it('places every area on its own tile', async () => {
		const areas = await mart('areas');
		expect(areas.map((a) => a.code)).toEqual(['A01', 'A02', 'B01', 'B02']);
		const tiles = new Set(areas.map((a) => `${a.tile_col},${a.tile_row}`));
		expect(tiles.size).toBe(4);
		// Alpha (59.0 N) lies south of Delta (65.0 N): a larger row number.
		expect(Number(areas[0]!.tile_row)).toBeGreaterThan(Number(areas[3]!.tile_row));
	});

	it('writes Arrow IPC with the same rows and browser-friendly types', () => {
		const table = readArrow(join(out, 'unit_week.arrow'));
		expect(table.numRows).toBe(5);
		expect(String(table.schema.fields.find((f) => f.name === 'week')!.type)).toBe('Date32<DAY>');
		expect(String(table.schema.fields.find((f) => f.name === 'caseload')!.type)).toBe('Int32');
		expect(String(table.schema.fields.find((f) => f.name === 'fte')!.type)).toBe('Float64');
		expect(Array.from(table.getChild('caseload')!.toArray())).toEqual([23, 25, 17, 12, 13]);
		expect(new Date(table.getChild('week')!.get(1) as number).toISOString().slice(0, 10)).toBe('2024-01-15');
	});

	it('describes the run in manifest.json', () => {
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect(manifest.schema_version).toBe(1);
		expect(manifest.data_period).toEqual({ first_week: '2024-01-08', last_week: '2024-01-22', first_iso_week: '2024-W02', last_iso_week: '2024-W04' });
		expect(manifest.revisions).toEqual({ replaced: 1, duplicates: 1 });
		expect(manifest.marts.unit_week.rows).toBe(5);
		expect(manifest.marts.unit_week.parquet.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(manifest.marts.unit_week.arrow.bytes).toBe(readFileSync(join(out, 'unit_week.arrow')).length);
		// Weeks W02–W04: u1 open and reporting 3 of 3, u2 open 3 (closes in late February) reporting 2, u3 open 3 reporting 0.
		expect(manifest.completeness).toEqual({ expected_unit_weeks: 9, reported_unit_weeks: 5, share: 0.5556 });
	});
});

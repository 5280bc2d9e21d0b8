/**
 * Metric SQL against a small hand-made set of marts. Every expected number is
 * worked out by hand below, from these rows:
 *
 * areas: A1 (R1, 60,000), A2 (R1, 40,000), B1 (R2, 100,000), B2 (R2, 50,000); 250,000 in all.
 * units: u1 municipal R1 permanent, opened 2023-01-01;
 *        u2 region R2 mixed, opened 2023-06-15, closed 2024-03-31;
 *        u3 joint R2 project, opened 2024-02-01.
 * served: u1 A1 from 2023-01-01; u1 A2 2023-01-01 to 2023-09-01;
 *         u2 B1 2023-06-15 to 2024-03-31; u3 B1 and B2 from 2024-02-01.
 * weeks (fte, waitlist, wait_days, enrolled, employed, caseload):
 *   u1 2023-01-02 (1.5, 4, 10, 2, 6, 20)   u1 2023-01-09 (1.5, 6, 0, 0, 8, 22)
 *   u1 2024-01-01 (2.0, 3, 12, 3, 10, 25)  u1 2024-01-08 (2.0, 5, 9, 1, 12, 26)
 *   u2 2023-10-02 (1.0, 10, 30, 1, 3, 12)  u2 2024-01-01 (1.0, 8, 0, 0, 4, 12)
 *   u3 2024-02-05 (0.5, 2, 4, 2, 0, 2)
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/db/database';
import {
	ALL_METRICS,
	caseloadPerFte,
	completenessFrom,
	employmentRate,
	meanWait,
	measureOf,
	peopleWaiting,
	queryMeasures,
	reportCompleteness,
	seriesByMetric,
	unitEndsSql,
	unitWindowSql,
	waitlistPerFte,
	type MeasureRow,
} from '$lib/metrics';
import { nodeDatabase } from '$lib/server/database';
import { OVERVIEW_MEASURES, OVERVIEW_SQL } from '$lib/views/overview';
import { WINDOW_SQL } from '$lib/metrics/funnel';
import { funnelOf } from '$lib/views/sites';
import { addAggregates, tempDir } from '../helpers.ts';

const COUNTS = ['caseload', 'caseload_young', 'referrals', 'waitlist', 'enrolled', 'wait_days', 'employer_contacts', 'job_starts', 'employed', 'education_starts', 'in_education', 'exits'];

let db: Database;

beforeAll(async () => {
	const dir = tempDir();
	const build = await (await DuckDBInstance.create(':memory:')).connect();
	const week = (unit: string, date: string, fte: number, waitlist: number, waitDays: number, enrolled: number, employed: number, caseload: number) => {
		const counts: Record<string, number> = Object.fromEntries(COUNTS.map((c) => [c, 0]));
		Object.assign(counts, { waitlist, wait_days: waitDays, enrolled, employed, caseload });
		return `('${unit}', DATE '${date}', 1, ${fte}, 1, 0, 0, ${COUNTS.map((c) => counts[c]).join(', ')})`;
	};
	await build.run(`
		CREATE TABLE areas AS SELECT * FROM (VALUES
			('A1', 'Alpha', 'R1', 'Region One', 60000, 2024, 59.0, 18.0, 0, 0),
			('A2', 'Beta', 'R1', 'Region One', 40000, 2024, 59.5, 17.5, 1, 0),
			('B1', 'Gamma', 'R2', 'Region Two', 100000, 2024, 63.0, 15.0, 0, 1),
			('B2', 'Delta', 'R2', 'Region Two', 50000, 2024, 65.0, 20.0, 1, 1))
			t(code, name, region_code, region_name, population, population_year, lat, lon, tile_col, tile_row);
		CREATE TABLE units AS SELECT * FROM (VALUES
			('u1', 'One', 'municipal', 'h', 'R1', DATE '2023-01-01', NULL::DATE, 'permanent', 'permanent', NULL::INTEGER, NULL::INTEGER),
			('u2', 'Two', 'region', 'h', 'R2', DATE '2023-06-15', DATE '2024-03-31', 'mixed', 'mixed', NULL, NULL),
			('u3', 'Three', 'joint', 'h', 'R2', DATE '2024-02-01', NULL, 'project', 'project', NULL, NULL))
			t(unit_id, name, org_type, host, region_code, opened_on, closed_on, funding_initial, funding_current, fidelity_first, fidelity_latest);
		CREATE TABLE unit_areas AS SELECT * FROM (VALUES
			('u1', 'A1', DATE '2023-01-01', NULL::DATE), ('u1', 'A2', DATE '2023-01-01', DATE '2023-09-01'),
			('u2', 'B1', DATE '2023-06-15', DATE '2024-03-31'),
			('u3', 'B1', DATE '2024-02-01', NULL), ('u3', 'B2', DATE '2024-02-01', NULL))
			t(unit_id, area_code, valid_from, valid_to);
		CREATE TABLE unit_week AS SELECT * FROM (VALUES
			${week('u1', '2023-01-02', 1.5, 4, 10, 2, 6, 20)}, ${week('u1', '2023-01-09', 1.5, 6, 0, 0, 8, 22)},
			${week('u1', '2024-01-01', 2.0, 3, 12, 3, 10, 25)}, ${week('u1', '2024-01-08', 2.0, 5, 9, 1, 12, 26)},
			${week('u2', '2023-10-02', 1.0, 10, 30, 1, 3, 12)}, ${week('u2', '2024-01-01', 1.0, 8, 0, 0, 4, 12)},
			${week('u3', '2024-02-05', 0.5, 2, 4, 2, 0, 2)})
			t(unit_id, week, specialists, fte, reports, joiners, leavers, ${COUNTS.join(', ')});`);
	// Published as Parquet, read back as the browser reads its marts: as tables of those names.
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const table of ['areas', 'units', 'unit_areas', 'unit_week']) {
		const path = join(dir, `${table}.parquet`);
		await build.run(`COPY ${table} TO '${path}' (FORMAT parquet)`);
		await conn.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet('${path}')`);
	}
	db = await nodeDatabase(conn);
	await addAggregates(conn);
});

const QUARTERS = ['2023-01-01', '2023-04-01', '2023-07-01', '2023-10-01', '2024-01-01'];
type Filter = Partial<Record<'region' | 'org' | 'funding' | 'unit', string>>;
const params = (filters: Filter = {}) => ({ first_quarter: '2023-01-01', last_quarter: '2024-01-01', region: null, org: null, funding: null, unit: null, ...filters });

/** One metric alone, through the same query interface the site uses. */
async function series(id: string, filters: Filter = {}) {
	const metric = ALL_METRICS.find((m) => m.id === id)!;
	const rows = seriesByMetric(await queryMeasures(db, 'quarter', [metric], 'internal', params(filters)), [metric])[id]!;
	expect(rows.map((r) => r.quarter)).toEqual(QUARTERS);
	return rows;
}
const values = (rows: readonly { value: number | null }[]) => rows.map((r) => (r.value === null ? null : Number(r.value.toFixed(6))));

describe('metric SQL on hand-made marts', () => {
	it('units open at the end of each quarter', async () => {
		expect(values(await series('units_open'))).toEqual([1, 2, 2, 2, 2]);
	});

	it('share of municipalities served, with its numerator and denominator', async () => {
		const rows = await series('municipalities_served');
		expect(values(rows)).toEqual([0.5, 0.75, 0.5, 0.5, 0.75]);
		expect(rows.map((r) => [r.numerator, r.denominator])).toEqual([[2, 4], [3, 4], [2, 4], [2, 4], [3, 4]]);
	});

	it('share of population covered', async () => {
		const rows = await series('population_served');
		expect(values(rows)).toEqual([0.4, 0.8, 0.64, 0.64, 0.84]);
		expect(rows[4]!.numerator).toBe(210000);
		expect(rows[4]!.denominator).toBe(250000);
	});

	it('specialist FTE per 10,000 inhabitants, missing where nobody reported', async () => {
		// 2024-Q1: weekly totals 3.0, 2.0 and 0.5, mean 11/6 FTE over 250,000 inhabitants.
		expect(values(await series('fte_per_10k'))).toEqual([0.06, null, null, 0.04, Number(((11 / 6 / 250000) * 10000).toFixed(6))]);
	});

	it('people waiting in an average reported week', async () => {
		expect(values(await series('people_waiting'))).toEqual([5, null, null, 10, 6]);
	});

	it('mean wait in days over everyone enrolled', async () => {
		const rows = await series('mean_wait');
		expect(values(rows)).toEqual([5, null, null, 30, Number((25 / 6).toFixed(6))]);
		expect([rows[4]!.numerator, rows[4]!.denominator]).toEqual([25, 6]);
	});

	it('employment rate over the caseload of the quarter', async () => {
		const rows = await series('employment_rate');
		expect(values(rows)).toEqual([Number((14 / 42).toFixed(6)), null, null, 0.25, 0.4]);
		expect([rows[4]!.numerator, rows[4]!.denominator]).toEqual([26, 65]);
	});

	it('report completeness: reported unit-weeks over the weeks each unit was open', async () => {
		// 2023-Q1: u1 open and reporting in both weeks. 2023-Q4: u1 and u2 open in the one week, u2 reported.
		// 2024-Q1: u1 (3 weeks open, 2 reported), u2 (3, 1), u3 (open only in the week of 2024-02-05, reported): 4 of 7.
		const rows = await series('report_completeness');
		expect(values(rows)).toEqual([1, null, null, 0.5, Number((4 / 7).toFixed(6))]);
		expect(rows.map((r) => [r.numerator, r.denominator])).toEqual([[2, 2], [0, 0], [0, 0], [1, 2], [4, 7]]);
		expect(completenessFrom(rows, '2023-01-01')).toBe(7 / 11);
		expect(completenessFrom(rows, '2023-04-01')).toBe(5 / 9);
	});

	it('follows the region filter, with the region as denominator', async () => {
		expect(values(await series('units_open', { region: 'R2' }))).toEqual([0, 1, 1, 1, 1]);
		expect(values(await series('municipalities_served', { region: 'R2' }))).toEqual([0, 0.5, 0.5, 0.5, 1]);
		// 2024-Q1 in R2: weekly totals 1.0 (u2) and 0.5 (u3), mean 0.75 over 150,000.
		expect(values(await series('fte_per_10k', { region: 'R2' }))).toEqual([null, null, null, Number((1 / 15).toFixed(6)), 0.05]);
	});

	it('follows the organisation, funding and unit filters', async () => {
		expect(values(await series('units_open', { org: 'joint' }))).toEqual([0, 0, 0, 0, 1]);
		expect(values(await series('units_open', { funding: 'project' }))).toEqual([0, 0, 0, 0, 1]);
		expect(values(await series('people_waiting', { unit: 'u1' }))).toEqual([5, null, null, null, 4]);
	});

	it('lists per unit the units open or reporting in the period, in each of its quarters', async () => {
		const units = async (first: string, last: string) =>
			(await queryMeasures(db, 'unit_quarter', [meanWait], 'internal', { ...params(), first_quarter: first, last_quarter: last })).map((r) => `${r.quarter} ${r.unit_id}`);
		// 2023 Q3 (no data week in it): u1 and u2 are open on its last day; u3 opens on 2024-02-01, so it has no row.
		expect(await units('2023-07-01', '2023-07-01')).toEqual(['2023-07-01 u1', '2023-07-01 u2']);
		// 2023 Q3 to 2024 Q1: u3 is open in the last quarter, so it is listed in all three, its first two without figures.
		const period = await units('2023-07-01', '2024-01-01');
		expect(period).toEqual(['2023-07-01', '2023-10-01', '2024-01-01'].flatMap((q) => ['u1', 'u2', 'u3'].map((u) => `${q} ${u}`)));
	});

	it("gives a period's two ends per unit, the quarters between left out", async () => {
		const rows = await db.query<MeasureRow>(unitEndsSql([peopleWaiting]), { ...params(), first_quarter: '2023-01-01', last_quarter: '2024-01-01' });
		// Each unit open in 2023 Q1 to 2024 Q1 (u3 in its last quarter), at both ends. People waiting in an average
		// reported week: u1 (4 + 6) / 2 = 5 then (3 + 5) / 2 = 4; u2, opened 2023-06-15, none then 8; u3 none then 2.
		expect(rows.map((r) => [r.quarter, r.unit_id, measureOf(r, peopleWaiting).value])).toEqual([
			['2023-01-01', 'u1', 5],
			['2023-01-01', 'u2', null],
			['2023-01-01', 'u3', null],
			['2024-01-01', 'u1', 4],
			['2024-01-01', 'u2', 8],
			['2024-01-01', 'u3', 2],
		]);
	});

	it('gives the same series in the overview statement as in each metric alone', async () => {
		for (const filters of [{}, { region: 'R2' }, { org: 'municipal', unit: 'u1' }]) {
			const together = seriesByMetric(await db.query<MeasureRow>(OVERVIEW_SQL, params(filters)), OVERVIEW_MEASURES);
			for (const metric of OVERVIEW_MEASURES) expect(together[metric.id]).toEqual(await series(metric.id, filters));
		}
	});

	it('treats a hostile value as a value, never as SQL', async () => {
		expect(values(await series('units_open', { region: "R1' OR '1'='1" }))).toEqual([0, 0, 0, 0, 0]);
	});
});

describe('measures per unit over a window (site comparison, spine chart)', () => {
	// 2023 Q4 – 2024 Q1. The weeks in the data within it: 2023-10-02, 2024-01-01, 2024-01-08, 2024-02-05.
	const window = (filters: Filter = {}) => ({ ...params(filters), first_quarter: '2023-10-01', last_quarter: '2024-01-01' });

	it('sums each unit\'s facts over the window and applies the registry\'s formulas', async () => {
		const rows = await db.query<MeasureRow>(unitWindowSql([employmentRate, caseloadPerFte, waitlistPerFte, meanWait, reportCompleteness]), window());
		const pick = (row: MeasureRow) => [
			row.unit_id,
			row.weeks,
			...[employmentRate, caseloadPerFte, waitlistPerFte, meanWait, reportCompleteness].map((m) => Number(measureOf(row, m).value!.toFixed(6))),
		];
		// Sorted by name: One, Three, Two.
		expect(rows.map(pick)).toEqual([
			// u1: 2 weeks in 2024 Q1; employed 10 + 12 of 25 + 26; caseload 51/2 per week over 2.0 FTE; waiting 4 per week over 2.0 FTE;
			// 21 days over 4 enrolled; open all 4 data weeks, reported 2.
			['u1', 2, Number((22 / 51).toFixed(6)), 12.75, 2, 5.25, 0.5],
			// u3: opened 2024-02-01, so open in 1 data week (2024-02-05) and reported it; 0 of 2 employed; 2 per week over 0.5 FTE.
			['u3', 1, 0, 4, 4, 2, 1],
			// u2: one week in each quarter, 1.0 FTE in both; waiting 10 then 8, a mean of 9 over the 2 weeks; 30 days over 1 enrolled.
			['u2', 2, Number((7 / 24).toFixed(6)), 12, 9, 30, 0.5],
		]);
	});

	it('gives the funnels their sizes: mean weekly caseload and number employed, or unit-weeks open and reported', async () => {
		const rows = await db.query<MeasureRow>(WINDOW_SQL, window());
		const sizes = (id: 'employment' | 'completeness') => funnelOf(rows, id, true).units.map((u) => [u.unit_id, u.n, u.r]);
		expect(sizes('employment')).toEqual([
			['u1', 25.5, 11],
			['u3', 2, 0],
			['u2', 12, 3.5],
		]);
		expect(sizes('completeness')).toEqual([
			['u1', 4, 2],
			['u3', 1, 1],
			['u2', 4, 2],
		]);
		// The network is the selection: region R2 holds u2 and u3.
		const r2 = funnelOf(await db.query<MeasureRow>(WINDOW_SQL, window({ region: 'R2' })), 'employment', true);
		expect(r2.units.map((u) => u.unit_id)).toEqual(['u3', 'u2']);
		expect(r2.target).toBeCloseTo(3.5 / 14, 12);
		expect(r2.leftOut).toBe(0);
	});
});

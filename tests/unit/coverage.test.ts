/**
 * The coverage measures at every grain (quarter, region, municipality) and
 * the coverage view, on hand-made marts with the boundary cases of the
 * shared predicates. Every expected number is worked out by hand here.
 *
 * areas: N1 (RN, 1,000), N2 (RN, 3,000), N3 (RN, 2,000); S1 (RS, 6,000). 12,000 in all.
 * units: a "Alpha" municipal RN permanent, opened 2024-01-01, closed 2025-04-01 (a quarter's first day);
 *        b "Beta" region RS project, opened 2024-06-01, closed 2025-01-01, yet reports in week 2025-02-03;
 *        c "Gamma" joint RS project, opened 2025-02-10.
 * served: a N1 from 2024-01-01; a N2 2024-01-01 to 2025-04-01 (ends on a quarter's first day);
 *         b S1 2024-06-01 to 2025-01-01; c S1, N3 and N1 from 2025-02-10 (c serves two municipalities of another region).
 * weeks (Monday: unit fte): 2024-12-30 a 1.0 (the week ends on 2025-01-05, in the next quarter);
 *         2025-01-06 a 2.0; 2025-02-03 b 0.5 (b is closed); 2025-02-10 c 1.0;
 *         2025-03-31 a 1.0 (ends 2025-04-06); 2025-04-07 c 1.0.
 *
 * Quarters' last days: 2024-12-31, 2025-03-31, 2025-06-30.
 *   units open: Q4 a, b; Q1 a (closes the day after), c; Q2 c.
 *   served:     Q4 N1, N2 (a), S1 (b); Q1 N1 (a, c), N2 (a, ends the day after), N3, S1 (c); Q2 N1, N3, S1 (c).
 *   weeks count in the quarter of their Monday: Q4 {12-30}, Q1 {01-06, 02-03, 02-10, 03-31}, Q2 {04-07}.
 *   open unit-weeks over the six weeks in the data: a 12-30…03-31 (5: Q4 1, Q1 4); b 12-30 (Q4 1);
 *     c 02-10, 03-31, 04-07 (Q1 2, Q2 1; on 02-03 it had not opened). Q4 2, Q1 6, Q2 1.
 *   reported by a unit open that week: a 12-30 (Q4), 01-06 and 03-31 (Q1); c 02-10 (Q1), 04-07 (Q2);
 *     b's report comes from a closed unit and does not count. Q4 1, Q1 3, Q2 1.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/db/database';
import { DEFAULT_FILTERS, type Filters } from '$lib/filters';
import { ftePer10k, municipalitiesServed, populationServed, queryMeasures, reportCompleteness, unitsOpen, type MeasureRow } from '$lib/metrics';
import { nodeDatabase } from '$lib/server/database';
import { addAggregates } from '../helpers.ts';
import { coverage, MAP_SQL } from '$lib/views/coverage';
import type { ViewContext } from '$lib/views/context';

let db: Database;

beforeAll(async () => {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const counts = 'caseload, caseload_young, referrals, waitlist, enrolled, wait_days, employer_contacts, job_starts, employed, education_starts, in_education, exits';
	const week = (unit: string, monday: string, fte: number) => `('${unit}', DATE '${monday}', 1, ${fte}, 1, 0, 0, ${Array(12).fill(0).join(', ')})`;
	await conn.run(`
		CREATE TABLE areas AS SELECT * FROM (VALUES
			('N1', 'Norra', 'RN', 'North', 1000, 2024, 65.0, 20.0, 0, 0),
			('N2', 'Nedre', 'RN', 'North', 3000, 2024, 64.0, 19.0, 1, 0),
			('N3', 'Nya', 'RN', 'North', 2000, 2024, 63.0, 18.0, 2, 0),
			('S1', 'Södra', 'RS', 'South', 6000, 2024, 56.0, 14.0, 0, 1))
			t(code, name, region_code, region_name, population, population_year, lat, lon, tile_col, tile_row);
		CREATE TABLE units AS SELECT * FROM (VALUES
			('a', 'Alpha', 'municipal', 'h', 'RN', DATE '2024-01-01', DATE '2025-04-01', 'permanent', 'permanent', NULL::INTEGER, NULL::INTEGER),
			('b', 'Beta', 'region', 'h', 'RS', DATE '2024-06-01', DATE '2025-01-01', 'project', 'project', NULL, NULL),
			('c', 'Gamma', 'joint', 'h', 'RS', DATE '2025-02-10', NULL::DATE, 'project', 'project', NULL, NULL))
			t(unit_id, name, org_type, host, region_code, opened_on, closed_on, funding_initial, funding_current, fidelity_first, fidelity_latest);
		CREATE TABLE unit_areas AS SELECT * FROM (VALUES
			('a', 'N1', DATE '2024-01-01', NULL::DATE), ('a', 'N2', DATE '2024-01-01', DATE '2025-04-01'),
			('b', 'S1', DATE '2024-06-01', DATE '2025-01-01'),
			('c', 'S1', DATE '2025-02-10', NULL), ('c', 'N3', DATE '2025-02-10', NULL), ('c', 'N1', DATE '2025-02-10', NULL))
			t(unit_id, area_code, valid_from, valid_to);
		CREATE TABLE unit_week AS SELECT * FROM (VALUES
			${week('a', '2024-12-30', 1.0)}, ${week('a', '2025-01-06', 2.0)}, ${week('b', '2025-02-03', 0.5)},
			${week('c', '2025-02-10', 1.0)}, ${week('a', '2025-03-31', 1.0)}, ${week('c', '2025-04-07', 1.0)})
			t(unit_id, week, specialists, fte, reports, joiners, leavers, ${counts});`);
	db = await nodeDatabase(conn);
	await addAggregates(conn);
});

const QUARTERS = ['2024-10-01', '2025-01-01', '2025-04-01'];
const params = (filters: Partial<Record<'region' | 'org' | 'funding' | 'unit', string>> = {}) => ({
	first_quarter: QUARTERS[0]!,
	last_quarter: QUARTERS[2]!,
	region: null,
	org: null,
	funding: null,
	unit: null,
	...filters,
});
const MEASURES = [unitsOpen, municipalitiesServed, populationServed, ftePer10k, reportCompleteness];
const round = (value: number | null) => (value === null ? null : Number(value.toFixed(6)));
const pick = (rows: MeasureRow[], id: string, part: 'value' | 'numerator' | 'denominator' = 'value') => rows.map((r) => round(r[`${id}.${part}`] as number | null));

describe('the shared predicates at their boundaries (quarter grain)', () => {
	it('counts a unit closing on a quarter’s first day as open on the quarter before’s last day', async () => {
		const rows = await queryMeasures(db, 'quarter', MEASURES, 'internal', params());
		expect(rows.map((r) => r.quarter)).toEqual(QUARTERS);
		expect(pick(rows, 'units_open')).toEqual([2, 2, 1]);
	});

	it('counts a municipality whose service ends on a quarter’s first day as served in the quarter before', async () => {
		const rows = await queryMeasures(db, 'quarter', MEASURES, 'internal', params());
		expect(pick(rows, 'municipalities_served', 'numerator')).toEqual([3, 4, 3]);
		expect(pick(rows, 'municipalities_served', 'denominator')).toEqual([4, 4, 4]);
		expect(pick(rows, 'population_served', 'numerator')).toEqual([10000, 12000, 9000]);
	});

	it('counts a week in the quarter of its Monday', async () => {
		// Q4: the week of 2024-12-30 alone (1.0 FTE); Q1: 2.0, 0.5, 1.0 and 1.0 (the week of 2025-03-31), mean 1.125.
		const rows = await queryMeasures(db, 'quarter', MEASURES, 'internal', params());
		expect(pick(rows, 'fte_per_10k', 'numerator')).toEqual([1, 1.125, 1]);
		expect(pick(rows, 'fte_per_10k')).toEqual([round((1 / 12000) * 10000), round((1.125 / 12000) * 10000), round((1 / 12000) * 10000)]);
	});

	it('does not count a report from a closed unit as a reported unit-week', async () => {
		const rows = await queryMeasures(db, 'quarter', MEASURES, 'internal', params());
		expect(pick(rows, 'report_completeness', 'numerator')).toEqual([1, 3, 1]);
		expect(pick(rows, 'report_completeness', 'denominator')).toEqual([2, 6, 1]);
	});

	it('limits units and municipalities to the region chosen, municipalities served by a unit of any region', async () => {
		// Only a is RN's own unit; RN's municipalities count served by a unit of any region, as in the
		// region table: Q4 N1, N2 (a); Q1 N1, N2 (a), N3 and N1 (c, of RS); Q2 N1, N3 (c).
		const rows = await queryMeasures(db, 'quarter', MEASURES, 'internal', params({ region: 'RN' }));
		expect(pick(rows, 'units_open')).toEqual([1, 1, 0]);
		expect(pick(rows, 'municipalities_served', 'numerator')).toEqual([2, 3, 2]);
		expect(pick(rows, 'municipalities_served', 'denominator')).toEqual([3, 3, 3]);
	});
});

describe('measures per region', () => {
	it('count units in their own region and municipalities in theirs, every region listed', async () => {
		const rows = await queryMeasures(db, 'region_quarter', MEASURES, 'internal', params());
		expect(rows.map((r) => `${r.quarter} ${r.region_code}`)).toEqual(QUARTERS.flatMap((q) => [`${q} RN`, `${q} RS`]));
		const series = (region: string) => rows.filter((r) => r.region_code === region);
		expect(pick(series('RN'), 'units_open')).toEqual([1, 1, 0]);
		expect(pick(series('RS'), 'units_open')).toEqual([1, 1, 1]);
		// RN: N1, N2 in Q4; all three in Q1 (N3 by c); N1 and N3 in Q2.
		expect(pick(series('RN'), 'municipalities_served', 'numerator')).toEqual([2, 3, 2]);
		expect(pick(series('RN'), 'population_served', 'numerator')).toEqual([4000, 6000, 3000]);
		expect(pick(series('RS'), 'municipalities_served', 'numerator')).toEqual([1, 1, 1]);
		// FTE: RN (a) Q4 1.0, Q1 (2.0 + 1.0) / 2, none in Q2; RS (b, c) none in Q4, Q1 (0.5 + 1.0) / 2, Q2 1.0.
		expect(pick(series('RN'), 'fte_per_10k', 'numerator')).toEqual([1, 1.5, null]);
		expect(pick(series('RN'), 'fte_per_10k')).toEqual([round((1 / 6000) * 10000), 2.5, null]);
		expect(pick(series('RS'), 'fte_per_10k', 'numerator')).toEqual([null, 0.75, 1]);
		expect(pick(series('RS'), 'fte_per_10k')).toEqual([null, 1.25, round((1 / 6000) * 10000)]);
		// Open unit-weeks: RN (a) Q4 1, Q1 4; RS b Q4 1, c Q1 2, Q2 1. Reported: RN 1, 2, 0; RS 0, 1, 1.
		expect(pick(series('RN'), 'report_completeness', 'numerator')).toEqual([1, 2, 0]);
		expect(pick(series('RN'), 'report_completeness', 'denominator')).toEqual([1, 4, 0]);
		expect(pick(series('RS'), 'report_completeness', 'numerator')).toEqual([0, 1, 1]);
		expect(pick(series('RS'), 'report_completeness', 'denominator')).toEqual([1, 2, 1]);
	});

	it('add up to the country for the additive facts', async () => {
		const regions = await queryMeasures(db, 'region_quarter', MEASURES, 'internal', params());
		const country = await queryMeasures(db, 'quarter', MEASURES, 'internal', params());
		for (const [i, quarter] of QUARTERS.entries()) {
			const sum = (id: string, part: 'value' | 'numerator') =>
				regions.filter((r) => r.quarter === quarter).reduce((s, r) => s + ((r[`${id}.${part}`] as number) ?? 0), 0);
			expect(sum('units_open', 'value')).toBe(country[i]![`units_open.value`]);
			expect(sum('municipalities_served', 'numerator')).toBe(country[i]![`municipalities_served.numerator`]);
			expect(sum('report_completeness', 'numerator')).toBe(country[i]![`report_completeness.numerator`]);
		}
	});
});

describe('measures per municipality', () => {
	it('count the open units serving each municipality, from any region, with their names', async () => {
		const rows = await queryMeasures(db, 'area_quarter', [unitsOpen, municipalitiesServed, populationServed], 'internal', params());
		const at = (quarter: string) => rows.filter((r) => r.quarter === quarter).map((r) => [r.code, r[`units_open.value`], r.unit_names]);
		expect(at('2024-10-01')).toEqual([['N1', 1, 'Alpha'], ['N2', 1, 'Alpha'], ['N3', 0, ''], ['S1', 1, 'Beta']]);
		expect(at('2025-01-01')).toEqual([['N1', 2, 'Alpha; Gamma'], ['N2', 1, 'Alpha'], ['N3', 1, 'Gamma'], ['S1', 1, 'Gamma']]);
		expect(at('2025-04-01')).toEqual([['N1', 1, 'Gamma'], ['N2', 0, ''], ['N3', 1, 'Gamma'], ['S1', 1, 'Gamma']]);
		// The same formula as for a region: served 0 or 1 over 1 municipality.
		expect(pick(rows.filter((r) => r.quarter === '2025-04-01'), 'municipalities_served')).toEqual([1, 0, 1, 1]);
		expect(pick(rows.filter((r) => r.quarter === '2025-04-01'), 'population_served', 'denominator')).toEqual([1000, 3000, 2000, 6000]);
	});

	it('follows the unit and region filters', async () => {
		const rows = await db.query<MeasureRow>(MAP_SQL, { ...params({ region: 'RN', unit: 'a' }), first_quarter: '2025-01-01', last_quarter: '2025-01-01' });
		expect(rows.map((r) => [r.code, r[`units_open.value`]])).toEqual([['N1', 1], ['N2', 1], ['N3', 0]]);
	});
});

describe('the coverage view', () => {
	const context: ViewContext = {
		period: { from: '2024-Q4', to: '2025-Q2' },
		weeks: { first: '2024-12-30', last: '2025-04-07' },
		choices: { quarters: ['2024-Q4', '2025-Q1', '2025-Q2'], regions: [] },
		boundaries: false,
		profile: 'internal',
		minCell: null,
	};
	const load = (filters: Partial<Filters> = {}) => coverage.load(db, { ...DEFAULT_FILTERS, ...filters }, context);

	it('gives the map, the region table with a year earlier, the trend and completeness', async () => {
		const results = await load();
		expect([results.quarter, results.yearEarlier]).toEqual(['2025-04-01', '2024-04-01']);
		expect(results.municipalities.map((m) => [m.code, m.population, m.units_serving, m.unit_names])).toEqual([
			['N1', 1000, 1, 'Gamma'],
			['N2', 3000, 0, ''],
			['N3', 2000, 1, 'Gamma'],
			['S1', 6000, 1, 'Gamma'],
		]);
		const now = results.regions.filter((r) => r.quarter === '2025-04-01');
		expect(now.map((r) => [r.region_code, r.municipalities, r.municipalities_served, r.population, r.population_served, r.units_open, r.fte, round(r.fte_per_10k)])).toEqual([
			['RN', 3, 2, 6000, 3000, 0, null, null],
			['RS', 1, 1, 6000, 6000, 1, 1, round((1 / 6000) * 10000)],
		]);
		// A year earlier (2024-06-30): a serves N1 and N2; b, opened 2024-06-01, serves S1. Nobody reported.
		const before = results.regions.filter((r) => r.quarter === '2024-04-01');
		expect(before.map((r) => [r.region_code, r.municipalities_served, r.population_served, r.units_open, r.fte])).toEqual([
			['RN', 2, 4000, 1, null],
			['RS', 1, 6000, 1, null],
		]);
		expect(results.country.map((r) => [r.quarter, r.municipalities_served, r.units_open])).toEqual([
			['2024-04-01', 3, 2],
			['2025-04-01', 3, 1],
		]);
		expect(results.quarters).toEqual(QUARTERS);
		expect(results.served).toEqual([
			{ region_code: '', municipalities: 4, population: 12000, municipalities_served: [3, 4, 3], population_served: [10000, 12000, 9000] },
			{ region_code: 'RN', municipalities: 3, population: 6000, municipalities_served: [2, 3, 2], population_served: [4000, 6000, 3000] },
			{ region_code: 'RS', municipalities: 1, population: 6000, municipalities_served: [1, 1, 1], population_served: [6000, 6000, 6000] },
		]);
		// Reported over expected unit-weeks, 2024 Q4 to 2025 Q2: country 5 of 9, RN 3 of 5, RS 2 of 4.
		expect(results.completeness).toEqual({ '': 5 / 9, RN: 3 / 5, RS: 2 / 4 });
	});

	it('maps only the region chosen, lists every region in the table, and keeps the country total', async () => {
		const results = await load({ region: 'RN', to: '2025-Q1' });
		expect(results.municipalities.map((m) => [m.code, m.units_serving])).toEqual([['N1', 2], ['N2', 1], ['N3', 1]]);
		expect(results.regions.filter((r) => r.quarter === '2025-01-01').map((r) => r.region_code)).toEqual(['RN', 'RS']);
		expect(results.country.find((r) => r.quarter === '2025-01-01')?.municipalities_served).toBe(4);
	});

	it('follows the organisation filter everywhere', async () => {
		const results = await load({ org: 'joint' });
		expect(results.municipalities.map((m) => m.units_serving)).toEqual([1, 0, 1, 1]);
		expect(results.served[0]!.municipalities_served).toEqual([0, 3, 3]);
	});
});

/**
 * The staffing and survival views on hand-made marts. Every expected number
 * is worked out by hand here.
 *
 * Reports run from the week of 2020-01-06 to that of 2022-01-03: 2020 and 2021
 * (52 Mondays each) lie wholly inside the data, 2022 does not.
 * units: a municipal, opened 2019-06-01 (before the data), open, 2 specialists every week;
 *        b region (project), opened 2020-03-02, closed 2021-03-01, 1 specialist from 2020-03-02 to 2021-02-22;
 *        c joint (permanent), opened 2020-01-06, 3 specialists every week but 2 in the weeks of 2021-06-14 and 06-21;
 *        d municipal (project), opened 2016-01-01, closed 2019-10-01, before the data.
 * spells: a-1 2020-01-06 – 2022-01-03 running; a-2 2020-01-06 – 2020-09-28 ended; a-3 2020-10-05 – 2022-01-03 running;
 *         b-1 2020-03-02 – 2021-02-22 ended (the unit closed); c-1, c-2 2020-01-06 – 2022-01-03 running;
 *         c-3 2020-01-06 – 2021-06-07 ended; c-4 2021-06-28 – 2022-01-03 running.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_COUNTS } from '$lib/contract';
import type { Database } from '$lib/db/database';
import { DEFAULT_FILTERS, type Filters } from '$lib/filters';
import { nodeDatabase } from '$lib/server/database';
import { addAggregates } from '../helpers.ts';
import type { ViewContext } from '$lib/views/context';
import { staffing } from '$lib/views/staffing';
import { survival } from '$lib/views/survival';

let db: Database;

beforeAll(async () => {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(`
		CREATE TABLE areas AS SELECT * FROM (VALUES ('A1', 'Ast', 'R1', 'Region One', 10000, 2024, 59.0, 18.0, 0, 0))
			t(code, name, region_code, region_name, population, population_year, lat, lon, tile_col, tile_row);
		CREATE TABLE units AS SELECT * FROM (VALUES
			('a', 'Alpha', 'municipal', 'h', 'R1', DATE '2019-06-01', NULL::DATE, 'project', 'permanent', NULL::INTEGER, NULL::INTEGER),
			('b', 'Beta', 'region', 'h', 'R1', DATE '2020-03-02', DATE '2021-03-01', 'project', 'project', NULL, NULL),
			('c', 'Gamma', 'joint', 'h', 'R1', DATE '2020-01-06', NULL, 'permanent', 'permanent', NULL, NULL),
			('d', 'Delta', 'municipal', 'h', 'R1', DATE '2016-01-01', DATE '2019-10-01', 'project', 'project', NULL, NULL))
			t(unit_id, name, org_type, host, region_code, opened_on, closed_on, funding_initial, funding_current, fidelity_first, fidelity_latest);
		CREATE TABLE unit_areas AS SELECT 'a' AS unit_id, 'A1' AS area_code, DATE '2019-06-01' AS valid_from, NULL::DATE AS valid_to;
		CREATE TABLE unit_week AS
			WITH weeks AS (SELECT unnest(generate_series(DATE '2020-01-06', DATE '2022-01-03', INTERVAL 7 DAY))::DATE AS week)
			SELECT unit_id, week, specialists, specialists::DOUBLE AS fte, specialists AS reports, 0 AS joiners, 0 AS leavers,
				${REPORT_COUNTS.map((count) => `0 AS ${count}`).join(', ')}
			FROM (
				SELECT 'a' AS unit_id, week, 2 AS specialists FROM weeks
				UNION ALL SELECT 'b', week, 1 FROM weeks WHERE week BETWEEN DATE '2020-03-02' AND DATE '2021-02-22'
				UNION ALL SELECT 'c', week, CASE WHEN week IN (DATE '2021-06-14', DATE '2021-06-21') THEN 2 ELSE 3 END FROM weeks
			);
		CREATE TABLE specialist_spells AS SELECT * FROM (VALUES
			('a-1', 'a', DATE '2020-01-06', DATE '2022-01-03', false), ('a-2', 'a', DATE '2020-01-06', DATE '2020-09-28', true),
			('a-3', 'a', DATE '2020-10-05', DATE '2022-01-03', false), ('b-1', 'b', DATE '2020-03-02', DATE '2021-02-22', true),
			('c-1', 'c', DATE '2020-01-06', DATE '2022-01-03', false), ('c-2', 'c', DATE '2020-01-06', DATE '2022-01-03', false),
			('c-3', 'c', DATE '2020-01-06', DATE '2021-06-07', true), ('c-4', 'c', DATE '2021-06-28', DATE '2022-01-03', false))
			t(spell_id, unit_id, first_week, last_week, ended);`);
	db = await nodeDatabase(conn);
	await addAggregates(conn);
});

const context: ViewContext = { period: { from: '2020-Q1', to: '2021-Q4' }, weeks: { first: '2020-01-06', last: '2022-01-03' }, choices: { quarters: [], regions: [] }, boundaries: false, profile: 'internal', minCell: null };
const round = (v: number | null) => (v === null ? null : Number(v.toFixed(6)));

describe('the staffing view', () => {
	const load = (filters: Partial<Filters> = {}) => staffing.load(db, { ...DEFAULT_FILTERS, ...filters }, context);

	it('gives turnover per calendar year wholly inside the data: leavers over the mean headcount of the year’s weeks', async () => {
		const { turnover } = await load();
		const at = (split: string) => turnover.filter((r) => r.split === split).map((r) => [r.group, r.year, r.leavers, round(r.mean_headcount), round(r.leavers! / r.mean_headcount!)]);
		// 2020: specialist-weeks 104 (a) + 44 (b, from its 9th week) + 156 (c) over 52 weeks; a-2 left.
		// 2021: 104 + 8 + 154 over 52; b-1 and c-3 left. 2022 is not a whole year of data.
		expect(at('all')).toEqual([
			['all', 2020, 1, round(304 / 52), round(52 / 304)],
			['all', 2021, 2, round(266 / 52), round(104 / 266)],
		]);
		expect(at('org')).toEqual([
			['joint', 2020, 0, 3, 0],
			['joint', 2021, 1, round(154 / 52), round(52 / 154)],
			['municipal', 2020, 1, 2, 0.5],
			['municipal', 2021, 0, 2, 0],
			['region', 2020, 0, round(44 / 52), 0],
			['region', 2021, 1, round(8 / 52), 6.5],
		]);
		// Team size: b's mean is 1; a's 2; c's 3 in 2020 and 154/52 ≈ 2.96 in 2021, rounded to 3.
		expect(at('team')).toEqual([
			['1', 2020, 0, round(44 / 52), 0],
			['1', 2021, 1, round(8 / 52), 6.5],
			['2-3', 2020, 1, 5, 0.2],
			['2-3', 2021, 1, round(258 / 52), round(52 / 258)],
		]);
	});

	it('shows only the years inside the chosen period', async () => {
		const { turnover, vacancy } = await load({ from: '2021-Q1' });
		expect([...new Set(turnover.map((r) => r.year))]).toEqual([2021]);
		expect(vacancy.map((v) => v.year)).toEqual([2021]);
	});

	it('estimates tenure over the spells, cut at the end of the chosen period, a running spell censored', async () => {
		// Days in post (last − first + 7): a-2 273, b-1 364 and c-3 525 ended; c-4 193, a-3 459 and three of 732 running.
		// At 273: 7 at risk, S = 6/7; at 364: 6, S = 5/7; at 525: 4, S = 15/28. It never reaches one half.
		const { tenure } = await load();
		expect(tenure.spells).toBe(8);
		expect(tenure.rows.map((r) => [r.time, r.atRisk, r.events, r.censored, round(r.survival)])).toEqual([
			[0, 8, 0, 0, 1],
			[193, 8, 0, 1, 1],
			[273, 7, 1, 0, round(6 / 7)],
			[364, 6, 1, 0, round(5 / 7)],
			[459, 5, 0, 1, round(5 / 7)],
			[525, 4, 1, 0, round(15 / 28)],
			[732, 3, 0, 3, round(15 / 28)],
		]);
		expect(tenure.median).toEqual({ value: null, lower: 273, upper: null });
	});

	it('gives the stability index: of those in post a year before the last week, the share still in post', async () => {
		// Last week 2021-12-27; a year before, 2020-12-28: a-1, a-3, b-1, c-1, c-2 and c-3 in post; a-1, a-3, c-1 and c-2 still are.
		expect((await load()).stability).toEqual({ from_week: '2020-12-28', to_week: '2021-12-27', in_post: 6, stayed: 4 });
	});

	it('counts unit-weeks with fewer specialists than the most of the 8 weeks before', async () => {
		// c's two weeks with 2 instead of 3, in 2021; b's first week has no weeks before it.
		expect((await load()).vacancy).toEqual([
			{ year: 2020, vacancy_weeks: 0, unit_weeks: 148 },
			{ year: 2021, vacancy_weeks: 2, unit_weeks: 112 },
		]);
	});
});

describe('the survival view', () => {
	const load = (filters: Partial<Filters> = {}) => survival.load(db, { ...DEFAULT_FILTERS, ...filters }, context);

	it('follows units from opening, a unit opened before the data entering on their first day', async () => {
		// The data run from 2020-01-06 to 2022-01-10 (the Monday of the last week + 7 days).
		// a: enters at 219 days (2019-06-01 → 2020-01-06), censored at 954; b: closes at 364; c: censored at 735.
		// d closed before the data begin and is never at risk. At 364: a, b and c at risk, S = 2/3.
		const results = await load();
		expect([results.firstDay, results.endDay, results.unobserved]).toEqual(['2020-01-06', '2022-01-10', 1]);
		const [all] = results.strata;
		expect(all!.rows.map((r) => [r.time, r.atRisk, r.events, r.censored, round(r.survival)])).toEqual([
			[0, 2, 0, 0, 1],
			[364, 3, 1, 0, round(2 / 3)],
			[735, 2, 0, 1, round(2 / 3)],
			[954, 1, 0, 1, round(2 / 3)],
		]);
		// At 0, 1 and 2 years: b and c; a and c (b closed at 364 days); a and c.
		expect(all!.atRiskByYear).toEqual([2, 2, 2]);
		// Only d opened three years before the end (2201 days); it closed after 1369 days, not within three years.
		expect([all!.units, all!.old, all!.closedWithin3]).toEqual([3, 1, 0]);
		expect(results.logRank).toBeNull();
	});

	it('compares strata with the log-rank test', async () => {
		// By funding at opening: permanent c; project a and b (d unobserved); no mixed unit.
		// At 364, the only event (b, project): 1 permanent and 2 project units at risk; E(permanent) = 1/3, V = 2/9:
		// χ² = (1/3)² / (2/9) = 0.5 on 1 degree of freedom.
		const results = await load({ options: { by: 'funding' } });
		expect(results.strata.map((s) => [s.stratum, s.units])).toEqual([['permanent', 1], ['project', 2], ['mixed', 0]]);
		expect(results.strata[1]!.median.value).toBe(364);
		expect(results.logRank!.chi2).toBeCloseTo(0.5, 12);
		expect(results.logRank!.df).toBe(1);
		expect(results.logRank!.p).toBeCloseTo(0.4795, 4);
	});
});

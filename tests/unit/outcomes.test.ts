/**
 * The waitlist and outcome measures and views on hand-made marts. Every
 * expected number is worked out by hand here.
 *
 * units: a "Alpha" municipal R1 and b "Beta" region R2, both open from 2023-01-01.
 * weeks (unit Monday: fte, caseload, young, referrals, waitlist, enrolled, wait_days, job_starts, employed, education_starts, in_education):
 *   a 2024-01-01: 1.0, 20, 5, 4, 6, 2, 20, 1, 8, 1, 2     a 2024-01-08: 1.0, 22, 6, 2, 8, 0, 0, 2, 9, 0, 2
 *   b 2024-01-01: 0.5, 10, 4, 3, 2, 3, 15, 0, 3, 1, 1
 *   a 2024-04-01: 2.0, 30, 9, 5, 14, 1, 10, 3, 12, 0, 3  b 2024-04-01: 0.5, 8, 2, 1, 1, 1, 7, 1, 4, 2, 0
 *   a 2025-04-07: 2.0, 44, 0, 0, 20, 0, 0, 0, 0, 0, 0     b 2025-04-07: 1.0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0
 * fidelity: a 2023-12-01 score 96 (fair); a 2024-02-15 score 100 (good); b 2025-01-10 score 110 (good).
 *
 * 2024 Q1, the selection: weekly FTE 1.5 and 1.0 (mean 1.25), waitlist 8 and 8 (mean 8); referrals 9,
 *   enrolled 5, wait days 35; employed 20 of a caseload of 52; job starts 3; education starts 2;
 *   in education 5; young 15; two reported weeks.
 * 2024 Q2: one week: FTE 2.5, waitlist 15, referrals 6, enrolled 2, wait days 17, employed 16 of 38,
 *   job starts 4, education starts 2, in education 3, young 11.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '$lib/db/database';
import { DEFAULT_FILTERS, type Filters } from '$lib/filters';
import { ALL_METRICS, queryMeasures, seriesByMetric, type MeasureRow } from '$lib/metrics';
import { METHOD_NOTES } from '$lib/metrics/methods';
import { nodeDatabase } from '$lib/server/database';
import { addAggregates } from '../helpers.ts';
import { linearFit } from '$lib/stats/regression';
import type { ViewContext } from '$lib/views/context';
import { outcomes } from '$lib/views/outcomes';
import { ROUTES } from '$lib/views/routes.js';
import { waitlists } from '$lib/views/waitlists';

let db: Database;

beforeAll(async () => {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const week = (unit: string, monday: string, ...v: number[]) => {
		const [fte, caseload, young, referrals, waitlist, enrolled, waitDays, jobStarts, employed, educationStarts, inEducation] = v;
		return `('${unit}', DATE '${monday}', 1, ${fte}, 1, 0, 0, ${caseload}, ${young}, ${referrals}, ${waitlist}, ${enrolled}, ${waitDays}, 0, ${jobStarts}, ${employed}, ${educationStarts}, ${inEducation}, 0)`;
	};
	await conn.run(`
		CREATE TABLE areas AS SELECT * FROM (VALUES
			('A1', 'Ast', 'R1', 'Region One', 10000, 2024, 59.0, 18.0, 0, 0),
			('B1', 'Bst', 'R2', 'Region Two', 10000, 2024, 63.0, 15.0, 0, 1))
			t(code, name, region_code, region_name, population, population_year, lat, lon, tile_col, tile_row);
		CREATE TABLE units AS SELECT * FROM (VALUES
			('a', 'Alpha', 'municipal', 'h', 'R1', DATE '2023-01-01', NULL::DATE, 'permanent', 'permanent', 96, 100),
			('b', 'Beta', 'region', 'h', 'R2', DATE '2023-01-01', NULL::DATE, 'project', 'project', 110, 110))
			t(unit_id, name, org_type, host, region_code, opened_on, closed_on, funding_initial, funding_current, fidelity_first, fidelity_latest);
		CREATE TABLE unit_areas AS SELECT * FROM (VALUES ('a', 'A1', DATE '2023-01-01', NULL::DATE), ('b', 'B1', DATE '2023-01-01', NULL::DATE))
			t(unit_id, area_code, valid_from, valid_to);
		CREATE TABLE fidelity AS SELECT * FROM (VALUES
			('a', DATE '2023-12-01', 96, 'fair'), ('a', DATE '2024-02-15', 100, 'good'), ('b', DATE '2025-01-10', 110, 'good'))
			t(unit_id, reviewed_on, score, level);
		CREATE TABLE unit_week AS SELECT * FROM (VALUES
			${week('a', '2024-01-01', 1.0, 20, 5, 4, 6, 2, 20, 1, 8, 1, 2)}, ${week('a', '2024-01-08', 1.0, 22, 6, 2, 8, 0, 0, 2, 9, 0, 2)},
			${week('b', '2024-01-01', 0.5, 10, 4, 3, 2, 3, 15, 0, 3, 1, 1)},
			${week('a', '2024-04-01', 2.0, 30, 9, 5, 14, 1, 10, 3, 12, 0, 3)}, ${week('b', '2024-04-01', 0.5, 8, 2, 1, 1, 1, 7, 1, 4, 2, 0)},
			${week('a', '2025-04-07', 2.0, 44, 0, 0, 20, 0, 0, 0, 0, 0, 0)}, ${week('b', '2025-04-07', 1.0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0)})
			t(unit_id, week, specialists, fte, reports, joiners, leavers, caseload, caseload_young, referrals, waitlist, enrolled,
				wait_days, employer_contacts, job_starts, employed, education_starts, in_education, exits);`);
	db = await nodeDatabase(conn);
	await addAggregates(conn);
});

const params = (filters: Partial<Record<'region' | 'org' | 'funding' | 'unit', string>> = {}) => ({
	first_quarter: '2024-01-01',
	last_quarter: '2024-04-01',
	region: null,
	org: null,
	funding: null,
	unit: null,
	...filters,
});
const round = (v: number | null) => (v === null ? null : Number(v.toFixed(6)));
const ids = ['waitlist_per_fte', 'referrals', 'enrolments', 'mean_wait', 'employment_rate', 'job_starts_per_fte', 'education_starts', 'education_rate', 'young_share', 'caseload_per_fte'];
const measures = ids.map((id) => ALL_METRICS.find((m) => m.id === id)!);

async function values(grain: 'quarter' | 'org_quarter' | 'region_quarter', filters = {}) {
	const rows = await queryMeasures(db, grain, measures, 'internal', params(filters));
	return (group: (row: MeasureRow) => boolean = () => true) =>
		Object.fromEntries(ids.map((id) => [id, seriesByMetric(rows.filter(group), measures)[id]!.map((r) => round(r.value))]));
}

describe('waitlist and outcome measures', () => {
	it('for the selection, per quarter', async () => {
		expect((await values('quarter'))()).toEqual({
			waitlist_per_fte: [6.4, 6], // 8 / 1.25; 15 / 2.5
			referrals: [9, 6],
			enrolments: [5, 2],
			mean_wait: [7, 8.5], // 35 / 5; 17 / 2
			employment_rate: [round(20 / 52), round(16 / 38)],
			job_starts_per_fte: [2.4, 1.6], // 3 / 1.25; 4 / 2.5
			education_starts: [2, 2],
			education_rate: [round(5 / 52), round(3 / 38)],
			young_share: [round(15 / 52), round(11 / 38)],
			caseload_per_fte: [20.8, 15.2], // 52 / 2 weeks / 1.25; 38 / 1 / 2.5
		});
	});

	it('per organisation type, every type listed', async () => {
		const at = await values('org_quarter');
		expect(at((r) => r.org_type === 'municipal')).toMatchObject({
			employment_rate: [round(17 / 42), round(12 / 30)],
			job_starts_per_fte: [3, 1.5], // 3 / 1.0; 3 / 2.0
			waitlist_per_fte: [7, 7], // (6 + 8) / 2 / 1.0; 14 / 2
		});
		expect(at((r) => r.org_type === 'region')).toMatchObject({ employment_rate: [0.3, 0.5], job_starts_per_fte: [0, 2] });
		expect(at((r) => r.org_type === 'joint')).toMatchObject({ employment_rate: [null, null], referrals: [null, null] });
	});

	it('per region, each region counting its own units', async () => {
		const at = await values('region_quarter', { region: 'R1' });
		expect(at((r) => r.region_code === 'R2')).toMatchObject({ waitlist_per_fte: [4, 2], employment_rate: [0.3, 0.5] });
	});
});

describe('the waitlists view', () => {
	const context: ViewContext = { period: { from: '2024-Q1', to: '2025-Q2' }, weeks: { first: '2024-01-01', last: '2025-04-07' }, choices: { quarters: [], regions: [] }, boundaries: false, profile: 'internal', minCell: null };
	it('gives the region rows of the contract and ranks units by growth over four quarters, with their capacity', async () => {
		const results = await waitlists.load(db, DEFAULT_FILTERS, context);
		expect(results.regions.filter((r) => r.quarter === '2024-01-01')).toEqual([
			{ quarter: '2024-01-01', region_code: 'R1', region_name: 'Region One', waitlist: 7, fte: 1, waitlist_per_fte: 7 },
			{ quarter: '2024-01-01', region_code: 'R2', region_name: 'Region Two', waitlist: 2, fte: 0.5, waitlist_per_fte: 4 },
		]);
		// Quarters shown: 2024 Q1 to 2025 Q2, six per region.
		expect(results.regions).toHaveLength(12);
		expect([results.yearEarlier, results.quarter]).toEqual(['2024-04-01', '2025-04-01']);
		// a: 14 → 20, caseload per FTE 44 / 1 week / 2.0 = 22 (above the limit of 20). b: 1 → 0, a fall, which the
		// table of the largest increases leaves out.
		expect(results.growth).toEqual([
			{ unit_id: 'a', unit_name: 'Alpha', region_code: 'R1', closed: null, waitlist_before: 14, waitlist: 20, growth: 6, fte: 2, caseload_per_fte: 22 },
		]);
	});
});

describe('the outcomes view', () => {
	const context: ViewContext = { period: { from: '2023-Q4', to: '2025-Q2' }, weeks: { first: '2024-01-01', last: '2025-04-07' }, choices: { quarters: [], regions: [] }, boundaries: false, profile: 'internal', minCell: null };
	const load = (filters: Partial<Filters> = {}) => outcomes.load(db, { ...DEFAULT_FILTERS, ...filters }, context);

	it('splits by region or organisation type only when asked', async () => {
		expect((await load()).groups).toEqual([]);
		const byOrg = await load({ options: { split: 'org' } });
		expect(byOrg.split).toBe('org');
		expect(byOrg.groups.filter((r) => r.quarter === '2024-01-01').map((r) => [r.org_type, r['employment_rate.numerator'], r['employment_rate.denominator']])).toEqual([
			['joint', null, null],
			['municipal', 17, 42],
			['region', 3, 10],
		]);
		expect((await load({ options: { split: 'region' } })).groups.map((r) => r.region_code)).toContain('R2');
	});

	it('pairs each fidelity review with the employment rate of the four quarters after its quarter', async () => {
		// a 2023-12-01 (Q4): 2024 Q1–Q4 hold a's weeks of 01-01, 01-08 and 04-01: 29 employed of 72.
		// a 2024-02-15 (Q1): 2024 Q2 – 2025 Q1 hold the week of 04-01 alone: 12 of 30.
		// b 2025-01-10 (Q1): its four quarters run to 2026 Q1, past the period shown, and are left out.
		const { fidelity } = await load();
		expect(fidelity.map((p) => [p.unit_id, p.reviewed_on, p.score, p.level, p.employed, p.caseload, round(p.rate)])).toEqual([
			['a', '2023-12-01', 96, 'fair', 29, 72, round(29 / 72)],
			['a', '2024-02-15', 100, 'good', 12, 30, 0.4],
		]);
		// A review before the first quarter shown is left out too.
		expect((await load({ from: '2024-Q1' })).fidelity.map((p) => p.reviewed_on)).toEqual(['2024-02-15']);
	});
});

describe('the least-squares line and Pearson’s r', () => {
	it('reproduce Anscombe’s first data set: y = 3.00 + 0.500x, r = 0.816', () => {
		// F. J. Anscombe (1973), Graphs in statistical analysis, The American Statistician 27(1): 17–21, data set I.
		const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
		const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
		const fit = linearFit(x.map((xi, i) => ({ x: xi, y: y[i]! })))!;
		expect(fit.n).toBe(11);
		expect(fit.slope).toBeCloseTo(0.5001, 4);
		expect(fit.intercept).toBeCloseTo(3.0001, 4);
		expect(fit.r).toBeCloseTo(0.8164, 4);
	});

	it('has no line without spread or with fewer than three points', () => {
		expect(linearFit([{ x: 1, y: 1 }, { x: 2, y: 2 }])).toBeNull();
		expect(linearFit([{ x: 1, y: 1 }, { x: 1, y: 2 }, { x: 1, y: 3 }])).toBeNull();
	});
});

describe('the registries', () => {
	it('give every measure to a view, so the Methods page lists them all, and name no measure that is not there', () => {
		const named = new Set(ROUTES.flatMap((route) => route.measures));
		expect(ALL_METRICS.map((m) => m.id).filter((id) => !named.has(id))).toEqual([]);
		expect([...named].filter((id) => !ALL_METRICS.some((m) => m.id === id))).toEqual([]);
		const notes = ROUTES.flatMap((route) => route.methods ?? []);
		expect(notes.filter((id) => !METHOD_NOTES.some((n) => n.id === id))).toEqual([]);
		expect(METHOD_NOTES.map((n) => n.id).filter((id) => !notes.includes(id))).toEqual([]);
	});
});

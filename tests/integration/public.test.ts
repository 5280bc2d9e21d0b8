/**
 * The public profile (#14) on the demo data: what it publishes, a scan of
 * every published file for small counts of people, the attacker of
 * tests/support/publicAttacker.ts (linear programs over everything published)
 * and tests/support/tenureAttacker.ts on the published files, and the site's
 * facts on a public build against the internal ones.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../pipelines/simulate/index.ts';
import { MARTS, NOT_PEOPLE_COLUMNS, PEOPLE_COLUMNS, PROFILE_MARTS, WINDOW_COUNTS, WINDOW_ROUNDING, type MartName } from '../../src/lib/contract/index.ts';
import { martsDatabase } from '../../src/lib/server/database.ts';
import { ALL_METRICS, queryMeasures, unitWindowSql, type MeasureRow } from '../../src/lib/metrics/index.ts';
import { attackPublic } from '../support/publicAttacker.ts';
import { decodeCurve, type Reading } from '../support/tenureAttacker.ts';
import { kaplanMeier } from '../../src/lib/stats/survival.ts';
import { readArrow, run, tempDir } from '../helpers.ts';

const MIN_CELL = 5;
/** The attacker's linear programs take 40–60 s alone here, twice that beside the browser tests: a limit that only a hang reaches. */
const ATTACK_TIMEOUT = 360_000;
let internal: string;
let published: string;

beforeAll(async () => {
	const raw = join(tempDir(), 'raw');
	simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: 1, out: raw, referenceDir: 'data/reference/se', faults: false });
	const reference = { referenceDir: 'data/reference/se', asOf: '2026-11-30' };
	internal = (await run(raw, reference)).outDir;
	const result = await run(raw, { ...reference, profile: 'public', minCell: MIN_CELL });
	expect(result.published).toBe(true);
	published = result.outDir;
}, 120_000);

type Row = Record<string, string | number | boolean | null>;

async function rowsOf(sql: string): Promise<Row[]> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		const reader = await conn.runAndReadAll(sql);
		return reader.getRowObjectsJS().map((row) =>
			Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : (v as Row[string])])),
		);
	} finally {
		conn.closeSync();
	}
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
	return groups;
}

const parquet = (dir: string, mart: string) => `read_parquet('${join(dir, `${mart}.parquet`)}')`;

/** Each unit's team size per year, which the strongest attacker works out by subset sums (#20): given here outright. */
async function teamSizes(dir: string): Promise<Map<string, string>> {
	const rows = await rowsOf(`SELECT unit_id, year(week) AS year, CASE WHEN round(avg(specialists)) <= 1 THEN '1' WHEN round(avg(specialists)) <= 3 THEN '2-3' ELSE '4+' END AS team
		FROM ${parquet(dir, 'unit_week')} GROUP BY ALL`);
	return new Map(rows.map((r) => [`${r.unit_id}|${r.year}`, r.team as string]));
}

describe('the public profile', () => {
	it('publishes the aggregates and no unit × week row, no spell, and says so in its manifest', async () => {
		const files = readdirSync(published).sort();
		const expected = [...PROFILE_MARTS.public.flatMap((m) => [`${m}.arrow`, `${m}.parquet`]), 'boundaries.geojson', 'manifest.json', 'rejects_summary.csv'].sort();
		expect(files).toEqual(expected);
		expect(existsSync(join(published, 'unit_week.parquet'))).toBe(false);
		expect(existsSync(join(published, 'specialist_spells.parquet'))).toBe(false);
		const manifest = (await import(join(published, 'manifest.json'), { with: { type: 'json' } })).default;
		expect(manifest.profile).toBe('public');
		expect(manifest.min_cell).toBe(MIN_CELL);
		expect(Object.keys(manifest.suppression).sort()).toEqual(['public_cells', 'public_stability', 'public_staffing', 'public_windows']);
		// Every withheld value is protected to its level on the demo: none is left narrower because nothing beside it could be withheld.
		for (const table of ['public_cells', 'public_stability', 'public_staffing']) expect(manifest.suppression[table].unprotected, table).toBe(0);
	});

	it('puts every numeric column of a public mart in one list: a count of people, or not one and why', () => {
		for (const mart of PROFILE_MARTS.public.filter((m) => m.startsWith('public_'))) {
			const numeric = Object.entries(MARTS[mart]).filter(([, type]) => type === 'INTEGER' || type === 'DOUBLE').map(([column]) => column);
			const people: readonly string[] = PEOPLE_COLUMNS[mart as keyof typeof PEOPLE_COLUMNS] ?? [];
			const others = Object.keys(NOT_PEOPLE_COLUMNS[mart as MartName] ?? {});
			expect([...people, ...others].sort(), mart).toEqual(numeric.sort());
		}
	});

	it('holds no count of people from 1 to the threshold less one in any published file, Parquet or Arrow', async () => {
		for (const [mart, columns] of Object.entries(PEOPLE_COLUMNS)) {
			for (const column of columns) {
				const [small] = await rowsOf(`SELECT count(*) AS n, count(${column}) AS shown FROM ${parquet(published, mart)} WHERE ${column} > 0 AND ${column} < ${MIN_CELL}`);
				expect(small!.n, `${mart}.${column}`).toBe(0);
				const arrow = readArrow(join(published, `${mart}.arrow`)).getChild(column)!.toArray() as ArrayLike<number | null>;
				expect(Array.from(arrow).filter((v) => v !== null && Number(v) > 0 && Number(v) < MIN_CELL), `${mart}.arrow ${column}`).toEqual([]);
			}
		}
		// The internal profile does hold them: the scan is not looking at empty columns.
		const [internalSmall] = await rowsOf(`SELECT count(*) AS n FROM ${parquet(internal, 'unit_week')} WHERE job_starts > 0 AND job_starts < ${MIN_CELL}`);
		expect(internalSmall!.n).toBeGreaterThan(100);
	});

	describe('against an attacker with every published file and inequalities (#20)', () => {
		it('narrows no withheld value below its protection level and pins none, in any table (seed 1)', async () => {
			const attack = await attackPublic(published, MIN_CELL, await teamSizes(internal));
			expect(attack.withheld.public_cells).toBeGreaterThan(10_000);
			expect(attack.withheld.public_staffing).toBeGreaterThan(1_000);
			expect(attack.withheld.public_stability).toBeGreaterThan(1_000);
			expect(attack.narrow).toEqual([]);
			expect(attack.exact).toEqual([]);
		}, ATTACK_TIMEOUT);

		it('is not idle: with the units’ withheld job starts published, it narrows and pins cells', async () => {
			// The same files, with every unit's quarterly job starts filled in from the internal build.
			const dir = join(tempDir(), 'revealed');
			mkdirSync(dir);
			for (const file of readdirSync(published).filter((f) => f.endsWith('.parquet'))) copyFileSync(join(published, file), join(dir, file));
			await rowsOf(`COPY (
				SELECT p.* REPLACE (coalesce(p.job_starts, t.job_starts)::INTEGER AS job_starts)
				FROM ${parquet(published, 'public_cells')} p
				LEFT JOIN (SELECT unit_id, date_trunc('quarter', week)::DATE AS quarter, sum(job_starts) AS job_starts FROM ${parquet(internal, 'unit_week')} GROUP BY ALL) t
				ON t.unit_id = p.unit_id AND t.quarter = p.quarter
			) TO '${join(dir, 'public_cells.parquet')}' (FORMAT parquet)`);
			const attack = await attackPublic(dir, MIN_CELL, await teamSizes(internal), ['public_cells']);
			const cubeJobStarts = attack.exact.filter((f) => f.column === 'job_starts' && f.cell.startsWith('cube:'));
			expect(cubeJobStarts.length).toBeGreaterThan(10);
		}, ATTACK_TIMEOUT);

		it('is not idle with windows: every window over a withheld quarter published unchecked narrows cells the published ones leave wide', async () => {
			// (unit_quarter's counts are per week reported, its weeks those reported.)
			// Every unit's rounded window over each published window's quarters, wherever a quarter is withheld and the
			// rounded value is at least the threshold, from the internal build: what the pipeline would publish without its check.
			const dir = join(tempDir(), 'unchecked');
			mkdirSync(dir);
			for (const file of readdirSync(published).filter((f) => f.endsWith('.parquet'))) copyFileSync(join(published, file), join(dir, file));
			const rounded = (sum: string) => `${WINDOW_ROUNDING} * round(${sum} / p.weeks / ${WINDOW_ROUNDING})`;
			await rowsOf(`COPY (
				WITH ends AS (SELECT DISTINCT quarter AS window_end FROM ${parquet(published, 'public_windows')}),
				p AS (
					SELECT c.unit_id, window_end AS quarter, sum(c.weeks)::INTEGER AS weeks,
						${WINDOW_COUNTS.map((count) => `bool_or(c.weeks > 0 AND c.${count} IS NULL) AS ${count}_withheld`).join(', ')}
					FROM ${parquet(published, 'public_cells')} c JOIN ends ON c.quarter BETWEEN (window_end - INTERVAL 9 MONTH)::DATE AND window_end
					WHERE c.unit_id IS NOT NULL GROUP BY ALL HAVING sum(c.weeks) > 0
				),
				i AS (
					SELECT u.unit_id, window_end AS quarter, ${WINDOW_COUNTS.map((count) => `sum(u.${count} * u.weeks) AS ${count}`).join(', ')}
					FROM ${parquet(internal, 'unit_quarter')} u JOIN ends ON u.quarter BETWEEN (window_end - INTERVAL 9 MONTH)::DATE AND window_end GROUP BY ALL
				)
				SELECT p.quarter, p.unit_id, p.weeks,
					${WINDOW_COUNTS.map((count) => `CASE WHEN ${count}_withheld AND ${rounded(`i.${count}`)} >= ${MIN_CELL} THEN ${rounded(`i.${count}`)} END AS ${count}`).join(', ')}
				FROM p JOIN i USING (unit_id, quarter)
			) TO '${join(dir, 'public_windows.parquet')}' (FORMAT parquet)`);
			const [counts] = await rowsOf(`SELECT (SELECT count(*) FROM ${parquet(dir, 'public_windows')}) AS unchecked, (SELECT count(*) FROM ${parquet(published, 'public_windows')}) AS published`);
			expect(counts!.unchecked).toBeGreaterThan(counts!.published as number);
			const attack = await attackPublic(dir, MIN_CELL, await teamSizes(internal), ['public_cells']);
			expect(attack.narrow.filter((f) => (WINDOW_COUNTS as readonly string[]).includes(f.column)).length).toBeGreaterThan(0);
		}, ATTACK_TIMEOUT);

		it('publishes each window as the unit’s count over its four quarters, rounded, only where a quarter is withheld, never under the threshold', async () => {
			const windows = await rowsOf(`
				WITH w AS (SELECT * FROM ${parquet(published, 'public_windows')}),
				p AS (
					SELECT w.quarter, w.unit_id, sum(c.weeks) AS weeks, ${WINDOW_COUNTS.map((count) => `bool_or(c.weeks > 0 AND c.${count} IS NULL) AS ${count}_withheld`).join(', ')}
					FROM w JOIN ${parquet(published, 'public_cells')} c ON c.unit_id = w.unit_id AND c.quarter BETWEEN (w.quarter - INTERVAL 9 MONTH)::DATE AND w.quarter GROUP BY ALL
				),
				i AS (
					SELECT w.quarter, w.unit_id, ${WINDOW_COUNTS.map((count) => `sum(u.${count} * u.weeks) AS ${count}`).join(', ')}
					FROM w JOIN ${parquet(internal, 'unit_quarter')} u ON u.unit_id = w.unit_id AND u.quarter BETWEEN (w.quarter - INTERVAL 9 MONTH)::DATE AND w.quarter GROUP BY ALL
				)
				SELECT w.*, p.weeks AS open_weeks, ${WINDOW_COUNTS.map((count) => `p.${count}_withheld, i.${count} AS ${count}_sum`).join(', ')}
				FROM w JOIN p USING (quarter, unit_id) JOIN i USING (quarter, unit_id)`);
			expect(windows.length).toBeGreaterThan(20);
			let shown = 0;
			for (const w of windows) {
				expect(w.weeks, `${w.unit_id} ${w.quarter}`).toBe(w.open_weeks);
				for (const count of WINDOW_COUNTS) {
					if (w[count] === null) continue;
					shown++;
					expect(w[`${count}_withheld`], `${w.unit_id} ${w.quarter} ${count}`).toBe(true);
					expect(w[count] as number).toBeGreaterThanOrEqual(MIN_CELL);
					// People in an average week open, to the nearest WINDOW_ROUNDING: the sum lies in the band.
					const mean = (w[`${count}_sum`] as number) / (w.weeks as number);
					expect(Math.abs(mean - (w[count] as number)), `${w.unit_id} ${w.quarter} ${count}`).toBeLessThanOrEqual(WINDOW_ROUNDING / 2);
					expect((w[count] as number) % WINDOW_ROUNDING).toBe(0);
				}
			}
			expect(shown).toBeGreaterThan(40);
		});

		it('publishes no figure of fewer specialists than the threshold: FTE, weeks reported, headcount, leavers, unit-weeks', async () => {
			// Specialists per unit and quarter (and year) from the internal spells: a spell that overlaps the period.
			const overlap = (from: string, to: string) => `(SELECT count(*) FROM ${parquet(internal, 'specialist_spells')} s WHERE s.unit_id = p.unit_id AND s.first_week <= ${to} AND s.last_week >= ${from})`;
			const [cells] = await rowsOf(`
				SELECT count(*) FILTER (WHERE n < ${MIN_CELL}) AS few, count(*) FILTER (WHERE n = 1) AS lone,
					count(*) FILTER (WHERE n < ${MIN_CELL} AND (fte IS NOT NULL AND fte > 0 OR reported IS NOT NULL AND reported > 0)) AS shown,
					count(*) FILTER (WHERE n = 1 AND fte IS NOT NULL AND fte > 0) AS lone_fte
				FROM (SELECT p.*, ${overlap('p.quarter', "(p.quarter + INTERVAL 3 MONTH)::DATE - 1")} AS n FROM ${parquet(published, 'public_cells')} p WHERE p.unit_id IS NOT NULL)`);
			expect(cells!.few).toBeGreaterThan(500);
			expect(cells!.lone).toBeGreaterThan(20);
			expect(cells!.lone_fte).toBe(0);
			expect(cells!.shown).toBe(0);
			const [staffing] = await rowsOf(`
				SELECT count(*) FILTER (WHERE n < ${MIN_CELL}) AS few,
					count(*) FILTER (WHERE n < ${MIN_CELL} AND coalesce(mean_headcount, leavers, unit_weeks, vacancy_weeks) IS NOT NULL
						AND (mean_headcount > 0 OR leavers > 0 OR unit_weeks > 0 OR vacancy_weeks > 0)) AS shown
				FROM (SELECT p.*, ${overlap('make_date(p.year, 1, 1)', 'make_date(p.year, 12, 31)')} AS n FROM ${parquet(published, 'public_staffing')} p WHERE p.unit_id IS NOT NULL)`);
			expect(staffing!.few).toBeGreaterThan(100);
			expect(staffing!.shown).toBe(0);
		});

		it('publishes weeks that follow from the units’ published dates alone, never the weeks a unit reported', async () => {
			// A unit's weeks with a report are its weeks reported: published beside them withheld, they gave every one back.
			const open = `(SELECT w.week, date_trunc('quarter', w.week)::DATE AS quarter, u.unit_id, u.region_code, u.org_type, u.funding_current AS funding
				FROM ${parquet(published, 'public_weeks')} w, ${parquet(published, 'units')} u
				WHERE u.opened_on < w.week + 7 AND (u.closed_on IS NULL OR u.closed_on > w.week))`;
			const [check] = await rowsOf(`
				WITH open AS ${open},
				cells AS (
					SELECT p.unit_id, p.weeks, p.reported, (SELECT count(DISTINCT o.week) FROM open o WHERE o.quarter = p.quarter
						AND (p.unit_id IS NULL OR o.unit_id = p.unit_id)
						AND (p.unit_id IS NOT NULL OR ((p.region_code IS NULL OR o.region_code = p.region_code) AND (p.org_type IS NULL OR o.org_type = p.org_type) AND (p.funding IS NULL OR o.funding = p.funding)))) AS open_weeks,
						i.weeks AS weeks_reported
					FROM ${parquet(published, 'public_cells')} p LEFT JOIN ${parquet(internal, 'unit_quarter')} i USING (quarter, unit_id)
				)
				SELECT count(*) AS cells, count(*) FILTER (WHERE weeks <> open_weeks) AS other,
					count(*) FILTER (WHERE unit_id IS NOT NULL AND reported IS NULL AND weeks_reported < weeks) AS unit_weeks_apart
				FROM cells`);
			expect(check!.cells).toBeGreaterThan(4_000);
			expect(check!.other).toBe(0);
			// Withheld weeks reported that the old weeks gave back and these do not: the check is not idle.
			expect(check!.unit_weeks_apart).toBeGreaterThan(20);
		});

		it('publishes tenure curves that give back no count: no band, and every reading over at least the threshold at risk', async () => {
			const curves = groupBy(await rowsOf(`SELECT * FROM ${parquet(published, 'public_tenure')} ORDER BY quarter, region_code, time`), (r) => `${r.quarter}|${r.region_code}`);
			expect(curves.size).toBeGreaterThan(100);
			expect(Object.keys(MARTS.public_tenure).filter((c) => ['lower', 'upper', 'median_lower', 'median_upper', 'spells', 'at_risk', 'events', 'censored'].includes(c))).toEqual([]);
			let decoded = 0;
			for (const readings of curves.values()) decoded += decodeCurve(readings as unknown as Reading[]).length;
			expect(decoded).toBe(0);
			// Every reading stands for at least the threshold still in post: spells begun by the quarter's end, in post at that time.
			const [thin] = await rowsOf(`
				WITH spells AS (SELECT s.*, u.region_code FROM ${parquet(internal, 'specialist_spells')} s JOIN ${parquet(internal, 'units')} u USING (unit_id))
				SELECT count(*) AS n FROM ${parquet(published, 'public_tenure')} t
				WHERE t.time > 0 AND (SELECT count(*) FROM spells s
					WHERE s.first_week <= (t.quarter + INTERVAL 3 MONTH)::DATE - 1 AND (t.region_code IS NULL OR s.region_code = t.region_code)
					AND least(s.last_week, (t.quarter + INTERVAL 3 MONTH)::DATE - 1) - s.first_week + 7 >= t.time) < ${MIN_CELL}`);
			expect(thin!.n).toBe(0);
		});

		it('would decode the curves were their confidence bands published (the decoder is not idle)', async () => {
			// The nation's curve of the last quarter, read every 91 days as before #20, with its log-log band.
			const spells = await rowsOf(`SELECT first_week, last_week, ended FROM ${parquet(internal, 'specialist_spells')}`);
			const end = Math.max(...spells.map((s) => Date.parse(s.last_week as string))) / 86_400_000;
			const curve = kaplanMeier(
				spells.map((s) => {
					const first = Date.parse(s.first_week as string) / 86_400_000;
					return { entry: 0, exit: Math.min(Date.parse(s.last_week as string) / 86_400_000, end) - first + 7, event: Boolean(s.ended) };
				}),
			);
			const readings: Reading[] = [];
			for (let time = 0, i = 0; time <= curve[curve.length - 1]!.time; time += 7) {
				while (i + 1 < curve.length && curve[i + 1]!.time <= time) i++;
				readings.push({ time, survival: curve[i]!.survival, lower: curve[i]!.lower });
			}
			const decoded = decodeCurve(readings);
			expect(decoded.length).toBeGreaterThan(10);
			// Each decoded step is the curve's own: at a single event time, its number at risk and leaving.
			for (const step of decoded.slice(0, 10)) {
				const row = curve.find((r) => r.time <= step.time && r.time > step.time - 7 && r.events > 0);
				if (row) expect([row.atRisk, row.events]).toEqual([step.atRisk, step.left]);
			}
		});

		it('finds nothing to difference across adjacent quarters or years: each count is published for one period length, once per cell', async () => {
			// A count published per quarter and again per year (or per quarter and cumulated) would tie the periods: the year less
			// three quarters gives the fourth. No count of people is in two tables, and no table repeats a cell of a period.
			// public_windows is the one exception, by design: a band, not a count, solved with its quarters by the attacker above.
			const counts = Object.entries(PEOPLE_COLUMNS).flatMap(([mart, columns]) => (mart === 'public_windows' ? [] : columns));
			expect(new Set(counts).size).toBe(counts.length);
			for (const [mart, period, keys] of [
				['public_cells', 'quarter', 'unit_id, region_code, org_type, funding'],
				['public_staffing', 'year', 'unit_id, region_code, org_type, funding, team_size'],
				['public_stability', 'quarter', 'region_code, org_type, funding'],
				['public_windows', 'quarter', 'unit_id'],
			] as const) {
				const [dup] = await rowsOf(`SELECT count(*) AS n FROM (SELECT ${period}, ${keys} FROM ${parquet(published, mart)} GROUP BY ALL HAVING count(*) > 1)`);
				expect(dup!.n, mart).toBe(0);
			}
		});
	});

	describe('on another seed', () => {
		it('narrows no withheld value below its protection level and pins none (seed 2)', async () => {
			const raw = join(tempDir(), 'raw');
			simulate({ seed: 2, from: '2015-01', to: '2026-10', scale: 1, out: raw, referenceDir: 'data/reference/se', faults: false });
			const reference = { referenceDir: 'data/reference/se', asOf: '2026-11-30' };
			const internal2 = (await run(raw, reference)).outDir;
			const published2 = (await run(raw, { ...reference, profile: 'public', minCell: MIN_CELL })).outDir;
			const attack = await attackPublic(published2, MIN_CELL, await teamSizes(internal2));
			expect(attack.withheld.public_cells).toBeGreaterThan(10_000);
			expect(attack.narrow).toEqual([]);
			expect(attack.exact).toEqual([]);
		}, ATTACK_TIMEOUT);
	});

	describe('the site on a public build', () => {
		it('publishes each fidelity review’s outcome window as the internal build’s, or withheld where a cell of it is', async () => {
			// The window's cells as public_cells publishes them: a stock per week open, times the weeks open, is the
			// internal build's participant-weeks (per week reported, times those weeks) wherever it is not withheld.
			const rows = await rowsOf(`
				SELECT p.unit_id, p.reviewed_on, p.employed_after AS pub_employed, p.caseload_after AS pub_caseload,
					i.employed_after AS int_employed, i.caseload_after AS int_caseload,
					(SELECT count(*) FROM ${parquet(published, 'public_cells')} c
						WHERE c.unit_id = p.unit_id AND c.weeks > 0 AND (c.employed IS NULL OR c.caseload IS NULL)
							AND c.quarter > date_trunc('quarter', p.reviewed_on) AND c.quarter <= date_trunc('quarter', p.reviewed_on) + INTERVAL 12 MONTH) AS withheld_cells
				FROM ${parquet(published, 'fidelity')} p
				JOIN ${parquet(internal, 'fidelity')} i USING (unit_id, reviewed_on, score)`);
			expect(rows.length).toBe((await rowsOf(`SELECT count(*) AS n FROM ${parquet(internal, 'fidelity')}`))[0]!.n);
			const [withheld, shown] = [rows.filter((r) => Number(r.withheld_cells) > 0), rows.filter((r) => Number(r.withheld_cells) === 0)];
			for (const r of withheld) expect([r.pub_employed, r.pub_caseload], `${r.unit_id} ${r.reviewed_on}`).toEqual([null, null]);
			for (const r of shown) {
				expect(Math.abs(Number(r.pub_employed) - Number(r.int_employed)), `${r.unit_id} ${r.reviewed_on} employed`).toBeLessThan(1e-6);
				expect(Math.abs(Number(r.pub_caseload) - Number(r.int_caseload)), `${r.unit_id} ${r.reviewed_on} caseload`).toBeLessThan(1e-6);
			}
			// Both kinds occur on the demo, and windows with people in them: the comparison is not idle.
			expect(withheld.length).toBeGreaterThan(0);
			expect(shown.filter((r) => Number(r.int_caseload) > 0).length).toBeGreaterThan(10);
		});

		it('computes every measure as the internal build does, wherever nothing it reads is withheld; NULL and flagged where it is', async () => {
			const [pub, int] = await Promise.all([martsDatabase(published, 'public'), martsDatabase(internal, 'internal')]);
			// The public profile averages a level over the weeks a cell's units were open, the internal one over the weeks
			// with a report (pipelines/public.ts): where they differ, a measure of a level is the internal one times
			// reported weeks / weeks open, raised to its power here; every other measure is the same.
			const OVER_WEEKS: Record<string, number> = { fte_per_10k: 1, people_waiting: 1, job_starts_per_fte: -1 };
			const weeks = { id: 'weeks', formula: { value: 'weeks' } } as unknown as (typeof ALL_METRICS)[number];
			let rescaled = 0;
			const expectSame = (metricId: string, value: unknown, internalValue: unknown, basis: { public: unknown; internal: unknown }, label: string) => {
				if (internalValue === null || value === null) return expect(value, label).toBe(internalValue);
				const [open, reported] = [Number(basis.public), Number(basis.internal)];
				let expected = internalValue as number;
				if (open !== reported && metricId in OVER_WEEKS) {
					expected *= (reported / open) ** OVER_WEEKS[metricId]!;
					rescaled++;
				}
				expect(Math.abs((value as number) - expected), `${label}: ${value} against ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
			};
			const params = (filters: Record<string, string | undefined>) => ({ first_quarter: '2022-01-01', last_quarter: '2026-07-01', region: null, org: null, funding: null, unit: null, ...filters });
			let compared = 0;
			let suppressed = 0;
			for (const grain of ['quarter', 'region_quarter', 'org_quarter', 'unit_quarter'] as const) {
				for (const filters of [{}, { region: '01' }, { org: 'municipal', funding: 'permanent' }, { unit: 'U0003' }, { region: '12', org: 'region' }]) {
					const [p, i] = await Promise.all([
						queryMeasures(pub, grain, [...ALL_METRICS, weeks], 'public', params(filters)),
						queryMeasures(int, grain, [...ALL_METRICS, weeks], 'internal', params(filters)),
					]);
					expect(p.length, `${grain} ${JSON.stringify(filters)}`).toBe(i.length);
					p.forEach((row, n) => {
						for (const metric of ALL_METRICS) {
							const [value, expected] = [row[`${metric.id}.value`], i[n]![`${metric.id}.value`]];
							if (row[`${metric.id}.suppressed`]) {
								expect(value).toBeNull();
								suppressed++;
							} else {
								expectSame(metric.id, value, expected, { public: row['weeks.value'], internal: i[n]!['weeks.value'] }, `${grain} ${metric.id} ${row.quarter}`);
								compared++;
							}
						}
					});
				}
			}
			expect(compared).toBeGreaterThan(1000);
			expect(suppressed).toBeGreaterThan(10);
			expect(rescaled).toBeGreaterThan(0);
			// A unit's window of four quarters with one withheld is withheld, never the sum of the three shown; or, where its
			// published window gives the count, that count rounded: within half the rounding of the internal one, per week open.
			const windows = await pub.query<MeasureRow>(unitWindowSql(ALL_METRICS, 'public'), params({ first_quarter: '2025-10-01', last_quarter: '2026-07-01' }));
			const internalWindows = await int.query<MeasureRow>(unitWindowSql(ALL_METRICS, 'internal'), params({ first_quarter: '2025-10-01', last_quarter: '2026-07-01' }));
			let placedFromWindows = 0;
			windows.forEach((row, n) => {
				const rounded = WINDOW_COUNTS.some((count) => row[`rounded_${count}`]);
				if (rounded) {
					const own = internalWindows[n]!;
					for (const part of ['numerator', 'denominator'] as const) {
						const [value, exact] = [row[`employment_rate.${part}`], own[`employment_rate.${part}`]];
						if (value !== null) expect(Math.abs((value as number) - (exact as number)) / (row.weeks as number), `${row.unit_id} ${part}`).toBeLessThanOrEqual(WINDOW_ROUNDING / 2 + 1e-9);
					}
					if (row['employment_rate.value'] !== null) placedFromWindows++;
					return;
				}
				for (const metric of ALL_METRICS) {
					if (row[`${metric.id}.suppressed`]) expect(row[`${metric.id}.value`]).toBeNull();
					else expectSame(metric.id, row[`${metric.id}.value`], internalWindows[n]![`${metric.id}.value`], { public: row.weeks, internal: internalWindows[n]!.weeks }, `window ${row.unit_id} ${metric.id}`);
				}
			});
			expect(placedFromWindows).toBeGreaterThan(10);
		});
	});
});

/**
 * The public profile (#14) on the demo data: what it publishes, a scan of
 * every published file for small counts of people, the attacker of
 * tests/support/attacker.ts on the published files, and the site's facts on
 * a public build against the internal ones.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../pipelines/simulate/index.ts';
import { MARTS, NOT_PEOPLE_COLUMNS, PEOPLE_COLUMNS, PROFILE_MARTS, type MartName } from '../../src/lib/contract/index.ts';
import { martsDatabase } from '../../src/lib/server/database.ts';
import { ALL_METRICS, measureSql, unitWindowSql, type MeasureRow } from '../../src/lib/metrics/index.ts';
import { recover, type Equation } from '../support/attacker.ts';
import { readArrow, run, tempDir } from '../helpers.ts';

const MIN_CELL = 5;
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
}, 60_000);

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
		expect(Object.keys(manifest.suppression).sort()).toEqual(['public_cells', 'public_stability', 'public_staffing']);
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

	describe('against an attacker with every published file', () => {
		/** The equations the published cells obey: a cube cell is the sum of its parts along each key it spans, and a leaf the sum of its units. */
		async function attack(mart: 'public_cells' | 'public_staffing' | 'public_stability', column: string, reveal = new Map<string, number>()) {
			const period = mart === 'public_staffing' ? 'year' : 'quarter';
			const dims = mart === 'public_staffing' ? ['region_code', 'org_type', 'funding', 'team_size'] : ['region_code', 'org_type', 'funding'];
			// A stock is published per week of its cell; the sums hold over participant-weeks.
			const weighted = ['waitlist', 'caseload', 'caseload_young', 'employed', 'in_education'].includes(column);
			const rows = await rowsOf(`SELECT * FROM ${parquet(published, mart)}`);
			// Which leaf a unit is in: its keys from the units mart, and (staffing) its team size, which a strong attacker is given.
			const units = new Map((await rowsOf(`SELECT * FROM ${parquet(published, 'units')}`)).map((u) => [u.unit_id as string, u]));
			const teams =
				mart === 'public_staffing'
					? new Map(
							(
								await rowsOf(
									`SELECT unit_id, year(week) AS year, CASE WHEN round(avg(specialists)) <= 1 THEN '1' WHEN round(avg(specialists)) <= 3 THEN '2-3' ELSE '4+' END AS team
									FROM ${parquet(internal, 'unit_week')} GROUP BY ALL`,
								)
							).map((r) => [`${r.unit_id}|${r.year}`, r.team as string]),
						)
					: new Map<string, string>();
			const keyOf = (row: Row) => {
				if (row.unit_id == null) return dims.map((d) => row[d] ?? '*');
				const u = units.get(row.unit_id as string)!;
				return [u.region_code, u.org_type, u.funding_current, ...(mart === 'public_staffing' ? [teams.get(`${row.unit_id}|${row[period]}`)] : [])];
			};
			const id = (row: Row) => `${row[period]}|${row.unit_id ?? 'cube'}|${dims.map((d) => row[d] ?? '*').join('|')}`;
			const values = new Map<string, number | null>();
			const weight = new Map<string, number>();
			for (const row of rows) {
				const has = mart !== 'public_cells' || Number(row.weeks) > 0;
				values.set(id(row), has ? (row[column] as number | null) : 0);
				weight.set(id(row), weighted ? Number(row.weeks) : 1);
			}
			for (const [cell, value] of reveal) values.set(cell, value);
			const equations: Equation[] = [];
			const byPeriod = groupBy(rows, (row) => String(row[period]));
			for (const group of byPeriod.values()) {
				const cube = group.filter((r) => r.unit_id == null);
				dims.forEach((dim, d) => {
					const parts = groupBy(
						cube.filter((r) => r[dim] !== null),
						(r) => keyOf(r).map((k, i) => (i === d ? '#' : k)).join('|'),
					);
					for (const total of cube.filter((r) => r[dim] === null)) {
						const members = parts.get(keyOf(total).map((k, i) => (i === d ? '#' : k)).join('|')) ?? [];
						equations.push([[id(total), -weight.get(id(total))!], ...members.map((m) => [id(m), weight.get(id(m))!] as const)]);
					}
				});
				const leaves = groupBy(
					group.filter((r) => r.unit_id != null),
					(r) => keyOf(r).join('|'),
				);
				for (const [key, members] of leaves) {
					const leaf = cube.find((r) => keyOf(r).join('|') === key);
					const total: Equation[number][] = leaf ? [[id(leaf), -weight.get(id(leaf))!]] : [];
					equations.push([...total, ...members.map((m) => [id(m), weight.get(id(m))!] as const)]);
				}
			}
			const withheld = [...values].filter(([, v]) => v === null).map(([cell]) => cell);
			return { recovered: recover(values, equations), withheld, equations: equations.length };
		}

		const COLUMNS = [
			...PEOPLE_COLUMNS.public_cells.map((c) => ['public_cells', c] as const),
			...PEOPLE_COLUMNS.public_staffing.map((c) => ['public_staffing', c] as const),
			...PEOPLE_COLUMNS.public_stability.map((c) => ['public_stability', c] as const),
		];

		it.each(COLUMNS)('recovers no withheld %s.%s from totals, parts, units and other tables', async (mart, column) => {
			const { recovered, withheld, equations } = await attack(mart, column);
			expect(withheld.length, 'cells withheld').toBeGreaterThan(0);
			expect(equations).toBeGreaterThan(100);
			expect([...recovered.keys()]).toEqual([]);
		});

		it('finds nothing to difference across adjacent quarters or years: each count is published for one period length, once per cell', async () => {
			// A count published per quarter and again per year (or per quarter and cumulated) would tie the periods: the year less
			// three quarters gives the fourth. No count of people is in two tables, and no table repeats a cell of a period.
			const counts = Object.values(PEOPLE_COLUMNS).flat();
			expect(new Set(counts).size).toBe(counts.length);
			for (const [mart, period, keys] of [
				['public_cells', 'quarter', 'unit_id, region_code, org_type, funding'],
				['public_staffing', 'year', 'unit_id, region_code, org_type, funding, team_size'],
				['public_stability', 'quarter', 'region_code, org_type, funding'],
			] as const) {
				const [dup] = await rowsOf(`SELECT count(*) AS n FROM (SELECT ${period}, ${keys} FROM ${parquet(published, mart)} GROUP BY ALL HAVING count(*) > 1)`);
				expect(dup!.n, mart).toBe(0);
			}
			// Tenure's curves carry no count at all (spells begun by one quarter less the last's would be its joiners).
			expect(Object.keys(MARTS.public_tenure).filter((c) => ['spells', 'at_risk', 'events', 'censored'].includes(c))).toEqual([]);
		});

		it('would recover cells were the units’ own withheld figures published (the attacker is not idle)', async () => {
			// Every withheld unit cell of employed, revealed at its true value from the internal marts.
			const truth = await rowsOf(
				`SELECT unit_id, strftime(date_trunc('quarter', week), '%Y-%m-%d') AS quarter, sum(employed) / count(*) AS employed FROM ${parquet(internal, 'unit_week')} GROUP BY ALL`,
			);
			const reveal = new Map(truth.map((r) => [`${r.quarter}|${r.unit_id}|*|*|*`, Number(r.employed)]));
			const before = await attack('public_cells', 'employed');
			const revealed = new Map([...reveal].filter(([cell]) => before.withheld.includes(cell)));
			expect(revealed.size).toBeGreaterThan(0);
			const { recovered } = await attack('public_cells', 'employed', revealed);
			expect(recovered.size).toBeGreaterThan(0);
		});
	});

	describe('the site on a public build', () => {
		it('computes every measure as the internal build does, wherever nothing it reads is withheld; NULL and flagged where it is', async () => {
			const [pub, int] = await Promise.all([martsDatabase(published, 'public'), martsDatabase(internal, 'internal')]);
			const params = (filters: Record<string, string | undefined>) => ({ first_quarter: '2022-01-01', last_quarter: '2026-07-01', region: null, org: null, funding: null, unit: null, ...filters });
			let compared = 0;
			let suppressed = 0;
			for (const grain of ['quarter', 'region_quarter', 'org_quarter', 'unit_quarter'] as const) {
				for (const filters of [{}, { region: '01' }, { org: 'municipal', funding: 'permanent' }, { unit: 'U0003' }, { region: '12', org: 'region' }]) {
					const [p, i] = await Promise.all([
						pub.query<MeasureRow>(measureSql(grain, ALL_METRICS, 'public'), params(filters)),
						int.query<MeasureRow>(measureSql(grain, ALL_METRICS, 'internal'), params(filters)),
					]);
					expect(p.length, `${grain} ${JSON.stringify(filters)}`).toBe(i.length);
					p.forEach((row, n) => {
						for (const metric of ALL_METRICS) {
							const [value, expected] = [row[`${metric.id}.value`], i[n]![`${metric.id}.value`]];
							if (row[`${metric.id}.suppressed`]) {
								expect(value).toBeNull();
								suppressed++;
							} else {
								expect(value === null ? null : Number((value as number).toPrecision(9)), `${grain} ${metric.id} ${row.quarter}`).toBe(
									expected === null ? null : Number((expected as number).toPrecision(9)),
								);
								compared++;
							}
						}
					});
				}
			}
			expect(compared).toBeGreaterThan(1000);
			expect(suppressed).toBeGreaterThan(10);
			// A unit's window of four quarters with one withheld is withheld, never the sum of the three shown.
			const windows = await pub.query<MeasureRow>(unitWindowSql(ALL_METRICS, 'public'), params({ first_quarter: '2025-10-01', last_quarter: '2026-07-01' }));
			const internalWindows = await int.query<MeasureRow>(unitWindowSql(ALL_METRICS, 'internal'), params({ first_quarter: '2025-10-01', last_quarter: '2026-07-01' }));
			windows.forEach((row, n) => {
				for (const metric of ALL_METRICS) {
					if (row[`${metric.id}.suppressed`]) expect(row[`${metric.id}.value`]).toBeNull();
					else expect(row[`${metric.id}.value`] === null ? null : Number((row[`${metric.id}.value`] as number).toPrecision(9))).toBe(
						internalWindows[n]![`${metric.id}.value`] === null ? null : Number((internalWindows[n]![`${metric.id}.value`] as number).toPrecision(9)),
					);
				}
			});
		});
	});
});

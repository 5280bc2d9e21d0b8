/**
 * npm run bench:disclosure — what each way of protecting the public profile
 * costs the views (#20): suppression, as published (pipelines/public.ts), and
 * the cell-key method (../support/cellKey.ts) at D = 2, 3 and 5, each against
 * the internal build of the same inputs. Prints JSON: per figure and grain
 * (the nation, a region, a unit, per quarter) the share of figures shown and
 * how far the shown ones are from the truth; per funnel over the latest
 * window, the units placed and whether the units flagged outside the 99.8 %
 * limits are the true ones; and, for the cell-key method, the share of small
 * counts (1 to 4 people) that its published bound alone narrows to an
 * interval less wide than the protection level, and how many units' flows
 * one published sum (their cube cell's, over its units) narrows so.
 *
 * Without arguments it simulates the demo (seed 1) and builds both profiles;
 * `--internal DIR --public DIR` measures builds made before (ten times the
 * units takes ten minutes to publish).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../../pipelines/run.ts';
import { simulate } from '../../pipelines/simulate/index.ts';
import { DEFAULT_MIN_CELL } from '../../pipelines/public.ts';
import { martsDatabase } from '../../src/lib/server/database.ts';
import { ALL_METRICS, measureOf, queryMeasures, unitWindowSql, type MeasureRow } from '../../src/lib/metrics/index.ts';
import type { Metric } from '../../src/lib/metrics/types.ts';
import { FUNNEL_MEASURES } from '../../src/lib/metrics/funnel.ts';
import { GRAIN_KEYS, type Grain } from '../../src/lib/metrics/facts.ts';
import { funnelOf, networkRate } from '../../src/lib/views/sites.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { WEEKLY_FACTS, type Profile } from '../../src/lib/contract/index.ts';
import { PERTURBED_COUNTS, perturbBuild, ptableRow, type CellKeyParams } from '../support/cellKey.ts';

const SETTINGS: readonly CellKeyParams[] = [
	{ D: 2, V: 1 },
	{ D: 3, V: 2 },
	// The least noise whose bound alone leaves every count an interval as wide as the protection level, five people, even at a published 0.
	{ D: 5, V: 4 },
];
const GRAINS: readonly Grain[] = ['quarter', 'region_quarter', 'unit_quarter'];
const reads = (m: Metric, columns: readonly string[]) => columns.some((column) => new RegExp(`\\b${column}\\b`).test([m.formula.value, m.formula.numerator, m.formula.denominator].join(' ')));
/** The figures of counts of people that the cell-key method can give: none of FTE, weeks reported or days waited, which are not counts. */
const METRICS = ALL_METRICS.filter((m) => reads(m, PERTURBED_COUNTS) && !reads(m, ['fte', 'reported', 'expected', 'wait_days']));
const FUNNELS = ['employment', 'education'] as const;

interface Period {
	first_quarter: string;
	last_quarter: string;
	window_first: string;
}

/** The data's quarters, to the latest full one (13 weeks reported nationally), and the funnels' four-quarter window ending there. */
async function window(db: Database): Promise<Period> {
	const [row] = await db.query<{ first: string; last: string; window_first: string }>(
		`SELECT strftime(min(quarter), '%Y-%m-%d') AS first, strftime(max(quarter) FILTER (WHERE weeks >= 13), '%Y-%m-%d') AS last,
			strftime(max(quarter) FILTER (WHERE weeks >= 13) - INTERVAL 9 MONTH, '%Y-%m-%d') AS window_first
		FROM cube WHERE region_code IS NULL AND org_type IS NULL AND funding IS NULL`,
	);
	return { first_quarter: row!.first, last_quarter: row!.last, window_first: row!.window_first };
}

const params = (period: Period, first = period.first_quarter) => ({ first_quarter: first, last_quarter: period.last_quarter, region: null, org: null, funding: null, unit: null });

/** Every figure of the compared measures, per grain, keyed by the grain's keys and the measure. */
async function figures(db: Database, profile: Profile, period: Period): Promise<Map<string, Map<string, number | null>>> {
	const byGrain = new Map<string, Map<string, number | null>>();
	for (const grain of GRAINS) {
		const rows = await queryMeasures(db, grain, METRICS, profile, params(period));
		for (const metric of METRICS) {
			const values = new Map<string, number | null>();
			for (const row of rows) values.set(GRAIN_KEYS[grain].map((key) => row[key]).join('|'), measureOf(row, metric).value);
			byGrain.set(`${grain}|${metric.id}`, values);
		}
	}
	return byGrain;
}

/** Per grain and measure: the share of the true figures shown, and the shown ones' distance from the truth (percentage points for a share). */
function compareFigures(truth: Map<string, Map<string, number | null>>, shown: Map<string, Map<string, number | null>>) {
	const out: Record<string, Record<string, unknown>> = {};
	for (const [id, values] of truth) {
		const [grain, metricId] = id.split('|') as [string, string];
		const metric = METRICS.find((m) => m.id === metricId)!;
		const scale = metric.format === 'percent' ? 100 : 1;
		const errors: number[] = [];
		let [present, over] = [0, 0];
		for (const [key, value] of values) {
			if (value === null) continue;
			present++;
			const other = shown.get(id)?.get(key) ?? null;
			if (other === null) continue;
			errors.push(Math.abs(other - value) * scale);
			if (metric.format === 'percent' && other > 1) over++;
		}
		errors.sort((a, b) => a - b);
		const at = (q: number) => (errors.length ? Number(errors[Math.min(errors.length - 1, Math.floor(q * errors.length))]!.toFixed(2)) : null);
		(out[grain] ??= {})[metricId] = {
			figures: present,
			shown: present ? Number((errors.length / present).toFixed(3)) : null,
			error: { median: at(0.5), p90: at(0.9), max: errors.length ? Number(errors.at(-1)!.toFixed(2)) : null },
			...(over ? { shares_over_100_percent: over } : {}),
		};
	}
	return out;
}

type Flags = Map<string, 'above' | 'below' | 'within'>;

/** The national funnels over the window: each unit placed, with its flag. */
async function funnels(db: Database, profile: Profile, period: Period): Promise<Record<(typeof FUNNELS)[number], Flags>> {
	const windowParams = params(period, period.window_first);
	const measures = Object.values(FUNNEL_MEASURES);
	const rows = await db.query<MeasureRow>(unitWindowSql(measures, profile), windowParams);
	const network = profile === 'public' ? await queryMeasures(db, 'quarter', measures, profile, windowParams) : null;
	const out = {} as Record<(typeof FUNNELS)[number], Flags>;
	for (const f of FUNNELS) {
		// A perturbed count can exceed its caseload: the funnel takes at most the whole caseload.
		const capped = rows.map((row) => {
			const m = measureOf(row, FUNNEL_MEASURES[f]);
			return m.numerator !== null && m.denominator !== null && m.numerator > m.denominator ? { ...row, [`${FUNNEL_MEASURES[f].id}.numerator`]: m.denominator } : row;
		});
		const funnel = funnelOf(capped, f, true, network ? networkRate(network, f) : undefined);
		out[f] = new Map(funnel.units.map((u) => [u.unit_id, u.flag]));
	}
	return out;
}

function compareFunnels(truth: Flags, shown: Flags) {
	const flagged = (flags: Flags) => new Set([...flags].filter(([, flag]) => flag !== 'within').map(([id, flag]) => `${id}|${flag}`));
	const [trueFlags, shownFlags] = [flagged(truth), flagged(shown)];
	return {
		units: truth.size,
		placed: shown.size,
		flagged: trueFlags.size,
		flagged_alike: [...trueFlags].filter((flag) => shownFlags.has(flag)).length,
		flagged_wrongly: [...shownFlags].filter((flag) => !trueFlags.has(flag)).length,
	};
}

/**
 * Of the counts 1 to 4, the share of published values whose interval from
 * the published bound alone (the count is within D of it, and not negative)
 * is less wide than the protection level, weighted by the perturbation table.
 * An attacker with the tables' sums narrows further; this is what the
 * method's own parameters give away.
 */
function narrowedSmallCounts(params: CellKeyParams): number {
	let [narrow, total] = [0, 0];
	for (let count = 1; count < DEFAULT_MIN_CELL; count++) {
		const row = ptableRow(count, params);
		row.values.forEach((value, i) => {
			const width = value + params.D - Math.max(0, value - params.D);
			total += row.probabilities[i]!;
			if (width < DEFAULT_MIN_CELL) narrow += row.probabilities[i]!;
		});
	}
	return Number((narrow / total).toFixed(3));
}

async function main() {
	const { values: args } = parseArgs({ options: { internal: { type: 'string' }, public: { type: 'string' } } });
	const root = mkdtempSync(join(tmpdir(), 'ips-disclosure-'));
	try {
		let [internal, published] = [args.internal, args.public];
		if (!internal || !published) {
			simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: 1, out: join(root, 'raw'), referenceDir: 'data/reference/se', faults: false });
			const build = async (profile: Profile) => {
				const outDir = join(root, profile);
				const result = await runPipeline({ inDir: join(root, 'raw'), referenceDir: 'data/reference/se', outDir, maxRejectRate: 0, rejectsPath: join(root, `${profile}.csv`), profile, minCell: DEFAULT_MIN_CELL });
				if (!result.published) throw new Error(`the ${profile} build did not publish`);
				return outDir;
			};
			[internal, published] = [await build('internal'), await build('public')];
		}
		const truth = await martsDatabase(internal, 'internal');
		const period = await window(truth);
		const methods: { name: string; db: Database; profile: Profile; params?: CellKeyParams; sums?: Awaited<ReturnType<typeof narrowedBySums>> }[] = [{ name: 'suppression', db: await martsDatabase(published, 'public'), profile: 'public' }];
		for (const params of SETTINGS) {
			const dir = join(root, `cell-key-D${params.D}V${params.V}`);
			await perturbBuild(internal, dir, params);
			methods.push({ name: `cell_key_D${params.D}_V${params.V}`, db: await martsDatabase(dir, 'internal'), profile: 'internal', params, sums: await narrowedBySums(dir, params) });
		}
		const truthFigures = await figures(truth, 'internal', period);
		const truthFunnels = await funnels(truth, 'internal', period);
		const result: Record<string, unknown> = {
			benchmark: 'disclosure',
			units: (JSON.parse(readFileSync(join(internal, 'manifest.json'), 'utf8')) as { marts: { units: { rows: number } } }).marts.units.rows,
			quarters: `${period.first_quarter} to ${period.last_quarter}`,
			funnel_window: `${period.window_first} to ${period.last_quarter}`,
			compared: METRICS.map((m) => m.id),
		};
		for (const method of methods) {
			const shown = await figures(method.db, method.profile, period);
			const placed = await funnels(method.db, method.profile, period);
			result[method.name] = {
				...(method.params ? { parameters: method.params, narrowed_small_counts: narrowedSmallCounts(method.params), narrowed_by_a_sum: method.sums } : {}),
				figures: compareFigures(truthFigures, shown),
				funnels: Object.fromEntries(FUNNELS.map((f) => [f, compareFunnels(truthFunnels[f], placed[f])])),
			};
		}
		console.log(JSON.stringify(result, null, 2));
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** Flows: a cube cell of single values is exactly the sum of its units' (a stock's rounded mean is not). */
const FLOWS = PERTURBED_COUNTS.filter((column) => WEEKLY_FACTS.find((fact) => fact.name === column)?.published === 'sum');

/**
 * What one sum gives an attacker of the cell-key tables: a unit's count of
 * people lies within D of its published value, and so does each other unit of
 * its cube cell and the cell itself, so the unit is at most the cell's upper
 * bound less the others' lower bounds, and at least the reverse. Counts the
 * units' flows (of cube cells with two units or more) that this alone narrows
 * to an interval less wide than the protection level, and those it pins.
 * Linear programs over all the sums at once narrow more.
 */
async function narrowedBySums(dir: string, { D }: CellKeyParams) {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const read = (mart: string) => `read_parquet('${join(dir, `${mart}.parquet`).replaceAll("'", "''")}')`;
	const counts = { values: 0, narrowed: 0, pinned: 0 };
	for (const column of FLOWS) {
		const reader = await conn.runAndReadAll(`WITH units AS (
				SELECT q.quarter, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding, q.${column} AS p
				FROM ${read('unit_quarter')} q JOIN ${read('units')} u USING (unit_id) WHERE q.weeks > 0
			),
			cells AS (
				SELECT units.*, c.${column} AS cell, sum(units.p) OVER w - units.p AS others, count(*) OVER w - 1 AS n
				FROM units JOIN ${read('cube')} c USING (quarter, region_code, org_type, funding)
				WINDOW w AS (PARTITION BY quarter, region_code, org_type, funding)
			),
			bounds AS (
				SELECT greatest(0, p - ${D}, cell - ${D} - (others + n * ${D})) AS low, least(p + ${D}, cell + ${D} - greatest(0, others - n * ${D})) AS high
				FROM cells WHERE n > 0
			)
			SELECT count(*)::INTEGER, count(*) FILTER (WHERE high - low < ${DEFAULT_MIN_CELL})::INTEGER, count(*) FILTER (WHERE high = low)::INTEGER FROM bounds`);
		const [values, narrowed, pinned] = reader.getRows()[0] as number[];
		counts.values += values!;
		counts.narrowed += narrowed!;
		counts.pinned += pinned!;
	}
	conn.closeSync();
	return counts;
}

await main();

/**
 * The cell-key method (Marley & Leaver 2011; Thompson, Broadfoot & Elazar
 * 2013; Giessing 2016; sdcTools' ptable and cellKey), built apart from the
 * pipeline to measure what it would cost the views beside suppression (#20,
 * tests/bench/disclosure.ts). The public profile does not use it; Methods
 * and the README say why.
 *
 * Every unit-week report gets a random record key; a cell's key is the sum of
 * its reports' keys, modulo 1, so a cell of the same reports gets the same key
 * in every table (a region with one unit and that unit are perturbed alike,
 * and no average over copies of a cell wears the noise off). A count i and its
 * key pick the noise from the perturbation table: the distribution of the
 * published value given i, with noise of at most D, mean 0 (unbiased), variance
 * V, never negative, and otherwise of maximum entropy, as ptable builds it
 * (Giessing 2016; its threshold js, which keeps small counts from being
 * published, is 0 here: counts from 1 up are published, perturbed). A 0
 * stays 0.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PROTECTION_LEVELS, WEEKLY_FACTS } from '../../src/lib/contract/index.ts';
import { DEFAULT_MIN_CELL } from '../../pipelines/public.ts';

export interface CellKeyParams {
	/** The largest noise, in people. */
	D: number;
	/** The noise's variance, where the count is large enough to allow it. */
	V: number;
}

/** The published values a count can become, ascending, with their probabilities. */
export interface PTableRow {
	values: number[];
	probabilities: number[];
}

/**
 * The row of the perturbation table for a count: maximum entropy subject to
 * the mean (the count itself) and the variance V. That is p(v) ∝ exp(a·d +
 * b·d²) with d = v − count, whose a and b are found by Newton's method on the
 * convex dual. Where the support cannot give variance V with mean 0 (a count
 * below D cannot fall far), only the mean is held.
 */
export function ptableRow(count: number, { D, V }: CellKeyParams): PTableRow {
	if (!Number.isInteger(count) || count < 0) throw new RangeError(`A cell key perturbs whole counts, not ${count}.`);
	if (count === 0) return { values: [0], probabilities: [1] };
	const values: number[] = [];
	for (let v = Math.max(0, count - D); v <= count + D; v++) values.push(v);
	const d = values.map((v) => v - count);
	const probabilities = maxEntropy(d, V) ?? maxEntropy(d, null);
	if (!probabilities) throw new RangeError(`No unbiased noise of at most ${D} for ${count}.`);
	return { values, probabilities };
}

/** Probabilities over offsets d with mean 0 (and variance `variance`, unless null) of maximum entropy; null if there are none. */
function maxEntropy(d: readonly number[], variance: number | null): number[] | null {
	if (!(Math.min(...d) < 0 && Math.max(...d) > 0)) return null;
	// Dual variables: a for the mean, b for the variance (held at 0 when the variance is free).
	let [a, b] = [0, 0];
	const moments = (a: number, b: number) => {
		const logits = d.map((x) => a * x + (variance === null ? 0 : b * x * x));
		const top = Math.max(...logits);
		const w = logits.map((l) => Math.exp(l - top));
		const z = w.reduce((s, x) => s + x, 0);
		const p = w.map((x) => x / z);
		const e = (f: (x: number) => number) => p.reduce((s, pi, i) => s + pi * f(d[i]!), 0);
		return { p, m1: e((x) => x), m2: e((x) => x * x), m3: e((x) => x ** 3), m4: e((x) => x ** 4), dual: Math.log(z) + top - (variance === null ? 0 : b * variance) };
	};
	for (let step = 0; step < 200; step++) {
		const m = moments(a, b);
		const g = [m.m1, variance === null ? 0 : m.m2 - variance];
		if (Math.hypot(g[0]!, g[1]!) < 1e-12) return m.p;
		// The Hessian is the covariance of (d, d²).
		const [h11, h12, h22] = [m.m2 - m.m1 ** 2, m.m3 - m.m1 * m.m2, variance === null ? 1 : m.m4 - m.m2 ** 2];
		const det = h11 * h22 - (variance === null ? 0 : h12 * h12);
		if (!(det > 1e-300)) return null;
		const da = variance === null ? g[0]! / h11 : (h22 * g[0]! - h12 * g[1]!) / det;
		const db = variance === null ? 0 : (h11 * g[1]! - h12 * g[0]!) / det;
		// Halve the step until the dual falls: an infeasible variance sends it down for ever, and the step count ends it.
		let t = 1;
		while (t > 1e-9 && !(moments(a - t * da, b - t * db).dual <= m.dual)) t /= 2;
		if (t <= 1e-9) return null;
		[a, b] = [a - t * da, b - t * db];
	}
	return null;
}

/** A noise picked by a cell's key: a count of at least `base` (D, for every count from D up) whose key k lies in [low, high) gets `noise`. */
export interface Band {
	base: number;
	low: number;
	high: number;
	noise: number;
}

/** The perturbation table as bands of the cell key: the rows of the counts 0 to D, each cut at its cumulative probabilities. */
export function ptableBands(params: CellKeyParams): Band[] {
	const bands: Band[] = [];
	for (let base = 0; base <= params.D; base++) {
		const row = ptableRow(base, params);
		let low = 0;
		row.values.forEach((value, i) => {
			// The last band ends at 1 whatever the rounding of the sum.
			const high = i === row.values.length - 1 ? 1 : low + row.probabilities[i]!;
			bands.push({ base, low, high, noise: value - base });
			low = high;
		});
	}
	return bands;
}

/** The counts of people of the cells (cube and unit_quarter) that the cell-key method perturbs: FTE, weeks reported and days waited are not counts. */
export const PERTURBED_COUNTS = Object.entries(PROTECTION_LEVELS.public_cells)
	.filter(([, level]) => level(DEFAULT_MIN_CELL) === DEFAULT_MIN_CELL)
	.map(([column]) => column);

/**
 * An internal build of `from` with its cells perturbed, written to `to`: the
 * cube and unit_quarter's counts of people, each its cell's count (people in
 * an average week, rounded, for a stock) plus the noise its key picks. The
 * other marts are copied as they are. `secret` seeds the record keys.
 */
export async function perturbBuild(from: string, to: string, params: CellKeyParams, secret = 'ips'): Promise<void> {
	mkdirSync(to, { recursive: true });
	for (const file of readdirSync(from)) if (file.endsWith('.parquet') || file === 'manifest.json') copyFileSync(join(from, file), join(to, file));
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const read = (mart: string) => `read_parquet('${join(from, `${mart}.parquet`).replaceAll("'", "''")}')`;
	const bands = ptableBands(params).map(({ base, low, high, noise }) => `(${base}, ${low}, ${high}, ${noise})`);
	await conn.run(`CREATE TABLE ptable AS SELECT * FROM (VALUES ${bands.join(', ')}) p(base, low, high, noise)`);
	// A record key per unit-week report, 32 bits; a cell's key is the sum of its reports' keys modulo 2³².
	await conn.run(`CREATE TABLE unit_key AS
		SELECT unit_id, date_trunc('quarter', week)::DATE AS quarter, sum(hash(concat_ws('|', unit_id, week::VARCHAR, '${secret.replaceAll("'", "''")}')) % 4294967296) % 4294967296 AS key
		FROM ${read('unit_week')} GROUP BY ALL`);
	await conn.run(`CREATE TABLE cube_key AS
		SELECT quarter, CASE WHEN GROUPING(region_code) = 1 THEN NULL ELSE region_code END AS region_code,
			CASE WHEN GROUPING(org_type) = 1 THEN NULL ELSE org_type END AS org_type,
			CASE WHEN GROUPING(funding) = 1 THEN NULL ELSE funding END AS funding,
			sum(key) % 4294967296 AS key
		FROM (SELECT k.*, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding FROM unit_key k JOIN ${read('units')} u USING (unit_id))
		GROUP BY quarter, CUBE (region_code, org_type, funding)`);
	const stocks = new Set<string>(WEEKLY_FACTS.filter((fact) => fact.published === 'per_week').map((fact) => fact.name));
	const perturbed = (column: string, key: string) => {
		const count = stocks.has(column) ? `round(c.${column})::INTEGER` : `c.${column}::INTEGER`;
		return `(SELECT ${count} + p.noise FROM ptable p WHERE p.base = least(${count}, ${params.D}) AND ${key} / 4294967296 >= p.low AND ${key} / 4294967296 < p.high) AS ${column}`;
	};
	const write = async (mart: string, keys: string, on: string) => {
		const target = join(to, `${mart}.parquet`);
		await conn.run(`COPY (
			SELECT c.* REPLACE (${PERTURBED_COUNTS.map((column) => perturbed(column, 'coalesce(k.key, 0)')).join(', ')})
			FROM ${read(mart)} c LEFT JOIN ${keys} k ON ${on}
		) TO '${target.replaceAll("'", "''")}' (FORMAT parquet)`);
	};
	await write('unit_quarter', 'unit_key', 'k.unit_id = c.unit_id AND k.quarter = c.quarter');
	await write('cube', 'cube_key', 'k.quarter = c.quarter AND k.region_code IS NOT DISTINCT FROM c.region_code AND k.org_type IS NOT DISTINCT FROM c.org_type AND k.funding IS NOT DISTINCT FROM c.funding');
	conn.closeSync();
}

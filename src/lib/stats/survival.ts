/**
 * Survival statistics, as R's survival package and lifelines compute them:
 *
 * - the Kaplan–Meier product-limit estimator, with left truncation (a subject
 *   enters the risk set at `entry`, as lifelines' `entry` and R's
 *   Surv(start, stop, event)): at risk at time t are those with entry < t ≤ exit;
 * - at a tie, events happen before censorings (those censored at t are still
 *   at risk at t);
 * - Greenwood's variance, and 95 % confidence bands on the log-log scale
 *   (lifelines' default, R's conf.type = "log-log");
 * - the median where the curve reaches 0.5, with the bands' crossings as its
 *   interval (as R's print.survfit);
 * - the log-rank test across strata (R's survdiff, rho = 0).
 *
 * The normal quantile and the χ² distribution come from stdlib.
 */
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface Subject {
	/** Time the subject enters the risk set (0 when observed from the origin). */
	entry: number;
	/** Time of the event or of censoring. */
	exit: number;
	event: boolean;
}

/** One row per distinct event or censoring time, after a first row at time 0. */
export interface KaplanMeierRow {
	time: number;
	atRisk: number;
	events: number;
	censored: number;
	survival: number;
	/** Standard error of the survival estimate (Greenwood). */
	stdErr: number;
	/** The 95 % band; null where survival is 0 (the log-log scale has no band there). */
	lower: number | null;
	upper: number | null;
}

export interface Median {
	/** Null where the curve never reaches 0.5. */
	value: number | null;
	lower: number | null;
	upper: number | null;
}

export const Z95 = normalQuantile(0.975, 0, 1);

/** Subjects at risk at time t: entered before t, not yet out before t. */
export const atRisk = (subjects: readonly Subject[], t: number) => subjects.filter((s) => s.entry < t && s.exit >= t).length;

export function kaplanMeier(subjects: readonly Subject[], z = Z95): KaplanMeierRow[] {
	// One sweep over sorted entries and exits: at risk at t is entered before t less out before t (a subject leaves after it enters).
	const entries = subjects.map((s) => s.entry).sort((a, b) => a - b);
	const exits = subjects.map((s) => s.exit).sort((a, b) => a - b);
	const out = new Map<number, { events: number; censored: number }>();
	for (const s of subjects) {
		const at = out.get(s.exit) ?? { events: 0, censored: 0 };
		if (s.event) at.events++;
		else at.censored++;
		out.set(s.exit, at);
	}
	const times = [...out.keys()].sort((a, b) => a - b);
	const rows: KaplanMeierRow[] = [{ time: 0, atRisk: subjects.filter((s) => s.entry <= 0 && s.exit > 0).length, events: 0, censored: 0, survival: 1, stdErr: 0, lower: 1, upper: 1 }];
	let survival = 1;
	let greenwood = 0;
	let [entered, left] = [0, 0];
	for (const time of times) {
		while (entered < entries.length && entries[entered]! < time) entered++;
		while (left < exits.length && exits[left]! < time) left++;
		const n = entered - left;
		const { events, censored } = out.get(time)!;
		if (time === 0) {
			// Nothing is at risk at the origin itself: a subject leaving at 0 changes no estimate.
			rows[0]!.censored += censored;
			continue;
		}
		if (events > 0 && n > 0) {
			survival *= (n - events) / n;
			greenwood += n > events ? events / (n * (n - events)) : Infinity;
		}
		rows.push({ time, atRisk: n, events, censored, survival, stdErr: survival * Math.sqrt(greenwood), ...band(survival, greenwood, z) });
	}
	return rows;
}

/** The log-log band: log(-log S) ± z·√(Σ d/(n(n−d))) / |log S|, transformed back. */
function band(survival: number, greenwood: number, z: number): { lower: number | null; upper: number | null } {
	if (survival <= 0 || !Number.isFinite(greenwood)) return { lower: null, upper: null };
	if (survival === 1 || greenwood === 0) return { lower: 1, upper: 1 };
	const se = Math.sqrt(greenwood) / Math.abs(Math.log(survival));
	return { lower: survival ** Math.exp(z * se), upper: survival ** Math.exp(-z * se) };
}

/** The first time at which a curve (survival or a band) is at or below 0.5. */
function reaches(rows: readonly KaplanMeierRow[], pick: (row: KaplanMeierRow) => number | null): number | null {
	for (const row of rows) {
		const value = pick(row);
		// A band that has ended (survival 0) lies at 0.
		if ((value ?? 0) <= 0.5) return row.time;
	}
	return null;
}

/** The median and its interval: where the curve, and its lower and upper bands, first reach 0.5. */
export function median(rows: readonly KaplanMeierRow[]): Median {
	return { value: reaches(rows, (r) => r.survival), lower: reaches(rows, (r) => r.lower), upper: reaches(rows, (r) => r.upper) };
}

/** The curve's value at time t (the step in force at t). */
export function survivalAt(rows: readonly KaplanMeierRow[], t: number): number {
	let value = 1;
	for (const row of rows) {
		if (row.time > t) break;
		value = row.survival;
	}
	return value;
}

export interface LogRank {
	chi2: number;
	df: number;
	p: number;
	/** Observed and expected events per stratum, in the order given. */
	observed: number[];
	expected: number[];
}

/**
 * The log-rank test that the strata share one survival curve: at every event
 * time, observed against expected events in each stratum, with the
 * hypergeometric covariance; χ² on (strata − 1) degrees of freedom.
 * Null with fewer than two strata that have subjects.
 */
export function logRank(strata: readonly (readonly Subject[])[]): LogRank | null {
	const groups = strata.filter((g) => g.length > 0);
	const k = groups.length;
	if (k < 2) return null;
	const all = groups.flat();
	const times = [...new Set(all.filter((s) => s.event).map((s) => s.exit))].sort((a, b) => a - b);
	const observed = new Array<number>(k).fill(0);
	const expected = new Array<number>(k).fill(0);
	const covariance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	for (const t of times) {
		const n = groups.map((g) => atRisk(g, t));
		const d = groups.map((g) => g.filter((s) => s.exit === t && s.event).length);
		const total = n.reduce((a, b) => a + b, 0);
		const deaths = d.reduce((a, b) => a + b, 0);
		if (total === 0) continue;
		const factor = total > 1 ? (deaths * (total - deaths)) / (total * total * (total - 1)) : 0;
		for (let i = 0; i < k; i++) {
			observed[i]! += d[i]!;
			expected[i]! += (deaths * n[i]!) / total;
			for (let j = 0; j < k; j++) covariance[i]![j]! += factor * n[i]! * ((i === j ? total : 0) - n[j]!);
		}
	}
	// The statistic on the first k − 1 strata (the covariance of all k is singular).
	const u = observed.slice(0, k - 1).map((o, i) => o - expected[i]!);
	const v = covariance.slice(0, k - 1).map((row) => row.slice(0, k - 1));
	const solved = solve(v, u);
	if (!solved) return null;
	const chi2 = u.reduce((sum, ui, i) => sum + ui * solved[i]!, 0);
	const df = k - 1;
	return { chi2, df, p: 1 - chisquareCdf(chi2, df), observed, expected };
}

/** Solves A x = b by Gaussian elimination with partial pivoting; null when A is singular. */
function solve(a: number[][], b: number[]): number[] | null {
	const n = b.length;
	const m = a.map((row, i) => [...row, b[i]!]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
		if (Math.abs(m[pivot]![col]!) < 1e-12) return null;
		[m[col], m[pivot]] = [m[pivot]!, m[col]!];
		for (let r = 0; r < n; r++) {
			if (r === col) continue;
			const f = m[r]![col]! / m[col]![col]!;
			for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
		}
	}
	return m.map((row, i) => row[n]! / row[i]!);
}

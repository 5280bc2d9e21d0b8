/**
 * Sample quantiles as R's default (type 7, Hyndman & Fan 1996): the p-th
 * quantile of n sorted values lies at position (n − 1)p, interpolated
 * linearly between its neighbours. FunnelPlotR winsorises with it, and the
 * spine chart's quartiles use it, so that both match what an analyst gets in R.
 */
export function quantile(sorted: readonly number[], p: number): number {
	if (!sorted.length) return NaN;
	const h = (sorted.length - 1) * p;
	const below = Math.floor(h);
	const above = Math.min(below + 1, sorted.length - 1);
	return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

export interface Spread {
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

/** Minimum, quartiles and maximum of the values that are numbers (null for none). */
export function spread(values: readonly (number | null)[]): Spread | null {
	const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
	if (!sorted.length) return null;
	return {
		min: sorted[0]!,
		q1: quantile(sorted, 0.25),
		median: quantile(sorted, 0.5),
		q3: quantile(sorted, 0.75),
		max: sorted.at(-1)!,
	};
}

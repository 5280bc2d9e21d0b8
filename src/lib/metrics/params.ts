import { quarterStart, shiftQuarter, type Filters } from '$lib/filters';

/** The bound parameters of every metric query, in the order of ./sql.ts. */
export type MetricParams = [string, string, string | null, string | null, string | null, string | null];

/**
 * Parameters for a view: the series starts a year before the first quarter
 * shown, so that the first quarter shown can be compared with a year earlier.
 */
export function metricParams(filters: Filters, defaults: { from: string; to: string }): MetricParams {
	const from = filters.from ?? defaults.from;
	const to = filters.to ?? defaults.to;
	return [quarterStart(shiftQuarter(from, -4)), quarterStart(to), filters.region, filters.org, filters.funding, filters.unit];
}

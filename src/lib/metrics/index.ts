/**
 * The metric registry: every figure and chart on the site reads its label,
 * definition and SQL from here, and the Methods page lists them all.
 * Start from a metric's file to find its definition, SQL and references;
 * src/lib/charts draws it.
 */
import { employmentRate } from './employment_rate';
import { ftePer10k } from './fte_per_10k';
import { meanWait } from './mean_wait';
import { municipalitiesServed } from './municipalities_served';
import { peopleWaiting } from './people_waiting';
import { populationServed } from './population_served';
import { FILTERED } from './sql';
import type { Metric, MetricRow } from './types';
import { unitsOpen } from './units_open';

export type { Metric, MetricRow, Reference } from './types';
export { metricParams, type MetricParams } from './params';

export const METRICS = [unitsOpen, municipalitiesServed, populationServed, ftePer10k, peopleWaiting, meanWait, employmentRate] as const satisfies readonly Metric[];

/**
 * Every overview metric in one statement (one round trip to the engine): each
 * metric's rows tagged with its id. Same parameters as each metric's own SQL.
 */
export const OVERVIEW_SQL = `${FILTERED}${METRICS.map((m) => `SELECT '${m.id}' AS metric, * FROM (${m.select})`).join('\nUNION ALL\n')}`;

/** Splits OVERVIEW_SQL's rows back into one series per metric, quarters in order. */
export function seriesByMetric(rows: readonly (MetricRow & { metric: string })[]): Record<string, MetricRow[]> {
	const series: Record<string, MetricRow[]> = Object.fromEntries(METRICS.map((m) => [m.id, []]));
	for (const { metric, ...row } of rows) series[metric]?.push(row);
	for (const rows of Object.values(series)) rows.sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
	return series;
}

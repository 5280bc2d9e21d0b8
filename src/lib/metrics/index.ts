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
import type { Metric } from './types';
import { unitsOpen } from './units_open';

export type { Metric, MetricRow, Reference } from './types';
export { metricParams, type MetricParams } from './params';

export const METRICS = [unitsOpen, municipalitiesServed, populationServed, ftePer10k, peopleWaiting, meanWait, employmentRate] as const satisfies readonly Metric[];

export const OVERVIEW_METRICS = METRICS;

export function metricById(id: string): Metric | undefined {
	return METRICS.find((m) => m.id === id);
}

/**
 * The overview: the key figures of the latest full quarter, each with its
 * change from a year earlier and its quarterly trend. One statement computes
 * every measure at the quarter grain.
 */
import { ALL_METRICS, measureParams, measureSql, seriesByMetric, type MeasureRow, type MetricRow } from '$lib/metrics';
import type { ViewDefinition } from './context';

/** Every measure of the overview (the key figures and report completeness) in one pass over the marts. */
export const OVERVIEW_SQL = measureSql('quarter', ALL_METRICS);

export const overview: ViewDefinition<Record<string, MetricRow[]>> = {
	id: 'overview',
	load: async (db, filters, { period }) => seriesByMetric(await db.query<MeasureRow>(OVERVIEW_SQL, measureParams(filters, period)), ALL_METRICS),
};

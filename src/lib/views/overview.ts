/**
 * The overview: the key figures of the latest full quarter, each with its
 * change from a year earlier and its quarterly trend. One statement computes
 * every measure at the quarter grain.
 */
import { COMPLETENESS, measureParams, measureSql, queryMeasures, METRICS, seriesByMetric, type Metric, type MetricRow } from '$lib/metrics';
import type { ViewDefinition } from './context';

/** The key figures and report completeness (every chart's footnote). */
export const OVERVIEW_MEASURES: readonly Metric[] = [...METRICS, COMPLETENESS];

/** Every measure of the overview in one pass over the marts. */
export const OVERVIEW_SQL = measureSql('quarter', OVERVIEW_MEASURES);

export const overview: ViewDefinition<Record<string, MetricRow[]>> = {
	id: 'overview',
	load: async (db, filters, { period, profile }) =>
		seriesByMetric(await queryMeasures(db, 'quarter', OVERVIEW_MEASURES, profile, measureParams(filters, period)), OVERVIEW_MEASURES),
};

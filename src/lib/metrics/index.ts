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
import { reportCompleteness } from './report_completeness';
import { FACTS, formulaColumns } from './sql';
import type { Metric, MetricRow } from './types';
import { unitsOpen } from './units_open';

export type { Metric, MetricRow, Reference } from './types';
export { metricParams, type MetricParams } from './params';

/** The overview's key figures, in the order shown. */
export const METRICS = [unitsOpen, municipalitiesServed, populationServed, ftePer10k, peopleWaiting, meanWait, employmentRate] as const satisfies readonly Metric[];

/** Report completeness: in every chart's footnote rather than a chart of its own. */
export const COMPLETENESS = reportCompleteness;

/** Everything the overview computes. */
const COMPUTED: readonly Metric[] = [...METRICS, COMPLETENESS];

/**
 * Every overview metric in one statement (one round trip to the engine): one
 * row per quarter, each metric's value, numerator and denominator side by side
 * as "<id>.value" and so on. Same parameters as each metric's own SQL.
 */
export const OVERVIEW_SQL = `${FACTS}SELECT quarter, ${COMPUTED.map((m) => formulaColumns(m.formula, `${m.id}.`)).join(',\n    ')}
FROM facts
ORDER BY quarter`;

/** A row of OVERVIEW_SQL. */
export type OverviewRow = { quarter: string } & Record<string, number | null>;

/** The share of reports received over the quarters from `from` on: all reported unit-weeks over all open ones. */
export function completenessFrom(rows: readonly MetricRow[], from: string): number | null {
	const shown = rows.filter((r) => r.quarter >= from);
	const expected = shown.reduce((sum, r) => sum + (r.denominator ?? 0), 0);
	return expected > 0 ? shown.reduce((sum, r) => sum + (r.numerator ?? 0), 0) / expected : null;
}

/** Splits OVERVIEW_SQL's rows into one series per metric, quarters in order. */
export function seriesByMetric(rows: readonly OverviewRow[]): Record<string, MetricRow[]> {
	return Object.fromEntries(
		COMPUTED.map((m) => [
			m.id,
			rows.map((row) => ({
				quarter: row.quarter,
				value: row[`${m.id}.value`] ?? null,
				numerator: row[`${m.id}.numerator`] ?? null,
				denominator: row[`${m.id}.denominator`] ?? null,
			})),
		]),
	);
}

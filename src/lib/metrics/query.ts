/**
 * Measures at a grain: the facts of ./facts.ts, then each measure's formula
 * as three columns, "<id>.value", "<id>.numerator" and "<id>.denominator",
 * after the grain's keys. One statement computes any number of measures in
 * one pass over the marts.
 */
import { quarterStart, shiftQuarter, type Filters } from '$lib/filters';
import type { Params } from '$lib/db/statement';
import { FACTS, GRAIN_KEYS, type Grain } from './facts';
import type { Metric, MetricFormula, MetricRow } from './types';

const formulaColumns = (id: string, formula: MetricFormula) =>
	[
		`(${formula.value})::DOUBLE AS "${id}.value"`,
		`(${formula.numerator ?? 'NULL'})::DOUBLE AS "${id}.numerator"`,
		`(${formula.denominator ?? 'NULL'})::DOUBLE AS "${id}.denominator"`,
	].join(', ');

export function measureSql(grain: Grain, measures: readonly Metric[]): string {
	const keys = GRAIN_KEYS[grain].join(', ');
	return `${FACTS[grain]}SELECT ${keys},\n    ${measures.map((m) => formulaColumns(m.id, m.formula)).join(',\n    ')}\nFROM facts\nORDER BY ${keys}`;
}

/** A row of measureSql: the grain's keys and three columns per measure. */
export type MeasureRow = { quarter: string } & Record<string, string | number | null>;

/** One measure's columns of a row, as the charts read them. */
export const measureOf = (row: MeasureRow, metric: Metric): MetricRow => ({
	quarter: row.quarter as string,
	value: (row[`${metric.id}.value`] as number | null) ?? null,
	numerator: (row[`${metric.id}.numerator`] as number | null) ?? null,
	denominator: (row[`${metric.id}.denominator`] as number | null) ?? null,
});

/** Each measure's series, quarters in order, from rows of the quarter grain. */
export function seriesByMetric(rows: readonly MeasureRow[], measures: readonly Metric[]): Record<string, MetricRow[]> {
	return Object.fromEntries(measures.map((m) => [m.id, rows.map((row) => measureOf(row, m))]));
}

/**
 * The bound parameters for a set of filters. The series starts a year before
 * the first quarter shown, so that the first quarter shown can be compared
 * with a year earlier.
 */
export function measureParams(filters: Filters, defaults: { from: string; to: string }): Params {
	const from = filters.from ?? defaults.from;
	const to = filters.to ?? defaults.to;
	return {
		first_quarter: quarterStart(shiftQuarter(from, -4)),
		last_quarter: quarterStart(to),
		region: filters.region,
		org: filters.org,
		funding: filters.funding,
		unit: filters.unit,
	};
}

/**
 * Measures per chosen unit over a window of quarters, $first_quarter to
 * $last_quarter, as one row each: the facts of the unit_quarter grain
 * summed over the window. A mean over weeks (fte, waitlist) is weighted by
 * the quarter's reported weeks, so it stays a mean over the window's
 * reported weeks; what is counted on a quarter's last day is taken from the
 * last quarter. The formulas are the registry's, unchanged. Each row also
 * has the window's reported weeks, `weeks`, so that a sum over weeks can be
 * read as a mean weekly count.
 */
export function unitWindowSql(measures: readonly Metric[]): string {
	return `${FACTS.unit_quarter}SELECT strftime($last_quarter::DATE, '%Y-%m-%d') AS quarter, unit_id, unit_name, region_code, weeks,
    ${measures.map((m) => formulaColumns(m.id, m.formula)).join(',\n    ')}
FROM (
    SELECT unit_id, unit_name, region_code,
        arg_max(units_open, quarter) AS units_open, arg_max(areas_served, quarter) AS areas_served,
        arg_max(population_served, quarter) AS population_served, any_value(areas) AS areas, any_value(population) AS population,
        sum(fte * weeks) / sum(weeks) AS fte, sum(waitlist * weeks) / sum(weeks) AS waitlist, sum(weeks) AS weeks,
        sum(wait_days) AS wait_days, sum(enrolled) AS enrolled, sum(referrals) AS referrals, sum(job_starts) AS job_starts,
        sum(education_starts) AS education_starts, sum(employed) AS employed, sum(caseload) AS caseload,
        sum(caseload_young) AS caseload_young, sum(in_education) AS in_education, sum(reported) AS reported, sum(expected) AS expected
    FROM facts
    GROUP BY unit_id, unit_name, region_code
) facts
ORDER BY unit_name, unit_id`;
}

/**
 * The common start of every metric's SQL: one row of facts per quarter for
 * the units, region and period the filters choose. Parameters, always bound,
 * never spliced into the text:
 *   $1 first quarter (DATE), $2 last quarter (DATE), $3 region code,
 *   $4 organisation type, $5 current funding, $6 unit id (NULL = all).
 *
 * facts, one row per quarter of the period:
 *   quarter            first day of the quarter, YYYY-MM-DD
 *   units_open         chosen units open on the quarter's last day
 *   areas_served       municipalities (of the region chosen, or the country)
 *                      served on the quarter's last day by an open chosen unit
 *   population_served  their inhabitants
 *   areas, population  all municipalities of the region or country, and their inhabitants
 *   fte, waitlist      summed over the chosen units, averaged over the quarter's
 *                      reported weeks (weeks with a report from a chosen unit; a
 *                      week counts in the quarter of its Monday); NULL without reports
 *   wait_days, enrolled, employed, caseload
 *                      summed over the quarter's reports; NULL without reports
 *   reported           unit-weeks with a report from an open chosen unit
 *   expected           unit-weeks a chosen unit was open, over the weeks in the data
 *
 * Each metric is an expression over these facts (./types.ts). The overview
 * computes every metric from one row of facts per quarter: one pass over the
 * marts, and few operators for the engine to run (the browser's single thread
 * pays for each one).
 */
import type { Metric, MetricFormula } from './types';

export const FACTS = `
WITH params AS (
    SELECT $1::DATE AS first_quarter, $2::DATE AS last_quarter, $3::VARCHAR AS region,
        $4::VARCHAR AS org_type, $5::VARCHAR AS funding, $6::VARCHAR AS unit
),
quarters AS (
    SELECT quarter, (quarter + INTERVAL 3 MONTH)::DATE AS next_quarter
    FROM (SELECT unnest(generate_series(first_quarter, last_quarter, INTERVAL 3 MONTH))::DATE AS quarter FROM params)
),
chosen_units AS MATERIALIZED (
    SELECT u.unit_id, u.opened_on, u.closed_on FROM units u, params p
    WHERE (p.region IS NULL OR u.region_code = p.region)
        AND (p.org_type IS NULL OR u.org_type = p.org_type)
        AND (p.funding IS NULL OR u.funding_current = p.funding)
        AND (p.unit IS NULL OR u.unit_id = p.unit)
),
chosen_areas AS MATERIALIZED (
    SELECT a.code, a.population FROM areas a, params p WHERE p.region IS NULL OR a.region_code = p.region
),
week_totals AS (
    SELECT date_trunc('quarter', w.week)::DATE AS quarter, w.week,
        sum(w.fte) AS fte, sum(w.waitlist) AS waitlist, sum(w.wait_days) AS wait_days, sum(w.enrolled) AS enrolled,
        sum(w.employed) AS employed, sum(w.caseload) AS caseload,
        count(*) FILTER (WHERE u.opened_on < w.week + 7 AND (u.closed_on IS NULL OR u.closed_on > w.week)) AS reported
    FROM unit_week w JOIN chosen_units u USING (unit_id)
    GROUP BY w.week
),
quarter_weeks AS (
    SELECT quarter, avg(fte) AS fte, avg(waitlist) AS waitlist,
        sum(wait_days)::DOUBLE AS wait_days, sum(enrolled)::DOUBLE AS enrolled,
        sum(employed)::DOUBLE AS employed, sum(caseload)::DOUBLE AS caseload, sum(reported) AS reported
    FROM week_totals GROUP BY quarter
),
quarter_units AS (
    SELECT q.quarter,
        count(*) FILTER (WHERE u.opened_on < q.next_quarter AND (u.closed_on IS NULL OR u.closed_on >= q.next_quarter)) AS units_open
    FROM quarters q, chosen_units u
    GROUP BY q.quarter
),
open_weeks AS (
    SELECT date_trunc('quarter', d.week)::DATE AS quarter, count(*) AS expected
    FROM (SELECT DISTINCT week FROM unit_week) d, chosen_units u
    WHERE u.opened_on < d.week + 7 AND (u.closed_on IS NULL OR u.closed_on > d.week)
    GROUP BY ALL
),
served AS (
    SELECT quarter, count(*) AS areas_served, sum(population) AS population_served
    FROM (
        SELECT DISTINCT q.quarter, a.code, a.population
        FROM quarters q
        JOIN unit_areas ua ON ua.valid_from < q.next_quarter AND (ua.valid_to IS NULL OR ua.valid_to >= q.next_quarter)
        JOIN chosen_units u ON u.unit_id = ua.unit_id
            AND u.opened_on < q.next_quarter AND (u.closed_on IS NULL OR u.closed_on >= q.next_quarter)
        JOIN chosen_areas a ON a.code = ua.area_code
    )
    GROUP BY quarter
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter,
        coalesce(qu.units_open, 0)::DOUBLE AS units_open,
        coalesce(s.areas_served, 0)::DOUBLE AS areas_served,
        coalesce(s.population_served, 0)::DOUBLE AS population_served,
        (SELECT count(*) FROM chosen_areas)::DOUBLE AS areas,
        (SELECT sum(population) FROM chosen_areas)::DOUBLE AS population,
        w.fte, w.waitlist::DOUBLE AS waitlist, w.wait_days, w.enrolled, w.employed, w.caseload,
        coalesce(w.reported, 0)::DOUBLE AS reported,
        coalesce(o.expected, 0)::DOUBLE AS expected
    FROM quarters q
    LEFT JOIN quarter_units qu USING (quarter)
    LEFT JOIN served s USING (quarter)
    LEFT JOIN quarter_weeks w USING (quarter)
    LEFT JOIN open_weeks o USING (quarter)
)
`;

/** A formula's three columns, named with a prefix (the overview puts every metric's side by side). */
export const formulaColumns = (formula: MetricFormula, prefix = '') =>
	[
		`(${formula.value})::DOUBLE AS "${prefix}value"`,
		`(${formula.numerator ?? 'NULL'})::DOUBLE AS "${prefix}numerator"`,
		`(${formula.denominator ?? 'NULL'})::DOUBLE AS "${prefix}denominator"`,
	].join(', ');

/** A metric with its full statement: the facts, then its own columns, one row per quarter. */
export const defineMetric = (metric: Omit<Metric, 'sql'>): Metric => ({
	...metric,
	sql: `${FACTS}SELECT quarter, ${formulaColumns(metric.formula)}\nFROM facts\nORDER BY quarter`,
});

/**
 * The common start of every metric's SQL. Parameters, always bound, never
 * spliced into the text:
 *   $1 first quarter (DATE), $2 last quarter (DATE), $3 region code,
 *   $4 organisation type, $5 current funding, $6 unit id (NULL = all).
 *
 * quarters      every quarter of the period, with the first day of the next
 * chosen_units  the units the filters select
 * chosen_weeks  their weekly rows, each in the quarter of its Monday
 * week_totals   chosen_weeks summed over units, one row per reported week
 * quarter_totals chosen_weeks summed over the quarter
 * served_areas  municipalities served on each quarter's last day, by an open chosen unit
 * chosen_areas  the municipalities of the region chosen, or of the whole country
 * inhabitants   their population
 *
 * Each metric is one SELECT over these; the overview runs all of them in one
 * statement, so the shared work is done once (MATERIALIZED).
 */
import type { Metric } from './types';

export const FILTERED = `
WITH params AS (
    SELECT $1::DATE AS first_quarter, $2::DATE AS last_quarter, $3::VARCHAR AS region,
        $4::VARCHAR AS org_type, $5::VARCHAR AS funding, $6::VARCHAR AS unit
),
quarters AS (
    SELECT quarter, (quarter + INTERVAL 3 MONTH)::DATE AS next_quarter
    FROM (SELECT unnest(generate_series(first_quarter, last_quarter, INTERVAL 3 MONTH))::DATE AS quarter FROM params)
),
chosen_units AS (
    SELECT u.* FROM units u, params p
    WHERE (p.region IS NULL OR u.region_code = p.region)
        AND (p.org_type IS NULL OR u.org_type = p.org_type)
        AND (p.funding IS NULL OR u.funding_current = p.funding)
        AND (p.unit IS NULL OR u.unit_id = p.unit)
),
chosen_weeks AS MATERIALIZED (
    SELECT w.*, date_trunc('quarter', w.week)::DATE AS quarter
    FROM unit_week w JOIN chosen_units USING (unit_id)
),
week_totals AS MATERIALIZED (
    SELECT quarter, week, sum(fte) AS fte, sum(waitlist) AS waitlist
    FROM chosen_weeks GROUP BY quarter, week
),
quarter_totals AS MATERIALIZED (
    SELECT quarter, sum(wait_days)::DOUBLE AS wait_days, sum(enrolled)::DOUBLE AS enrolled,
        sum(employed)::DOUBLE AS employed, sum(caseload)::DOUBLE AS caseload
    FROM chosen_weeks GROUP BY quarter
),
chosen_areas AS (
    SELECT a.* FROM areas a, params p WHERE p.region IS NULL OR a.region_code = p.region
),
inhabitants AS (
    SELECT sum(population)::DOUBLE AS population FROM chosen_areas
),
served_areas AS MATERIALIZED (
    SELECT DISTINCT q.quarter, a.code, a.population
    FROM quarters q
    JOIN unit_areas ua ON ua.valid_from < q.next_quarter AND (ua.valid_to IS NULL OR ua.valid_to >= q.next_quarter)
    JOIN chosen_units u ON u.unit_id = ua.unit_id
        AND u.opened_on < q.next_quarter AND (u.closed_on IS NULL OR u.closed_on >= q.next_quarter)
    JOIN chosen_areas a ON a.code = ua.area_code
)
`;

/** A metric with its full statement: the common start, then its own SELECT. */
export const defineMetric = (metric: Omit<Metric, 'sql'>): Metric => ({ ...metric, sql: `${FILTERED}${metric.select}` });

/** Quarter written as text, the same in DuckDB-wasm and in Node. */
export const QUARTER_TEXT = `strftime(q.quarter, '%Y-%m-%d') AS quarter`;

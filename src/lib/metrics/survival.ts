/**
 * Unit survival's SQL, beside the measures (./index.ts): each chosen unit's
 * life against the data's first and last week, for Kaplan–Meier and the
 * log-rank test ($lib/stats/survival). The survival view
 * ($lib/views/survival) runs it; the Methods page prints it (./methods.ts).
 */
/** The chosen units' lives against the data's first and last week ($first_week and $last_week, Mondays, from the manifest). */
export const UNITS_SQL = `
WITH bounds AS (SELECT $first_week::DATE AS first_day, $last_week::DATE + 7 AS end_day)
SELECT u.unit_id, u.name, u.org_type, u.funding_initial,
    (u.opened_on - b.first_day)::DOUBLE AS opened_from_start,
    (coalesce(least(u.closed_on, b.end_day), b.end_day) - u.opened_on)::DOUBLE AS exit_days,
    (u.closed_on IS NOT NULL AND u.closed_on <= b.end_day) AS closed,
    strftime(b.first_day, '%Y-%m-%d') AS first_day, strftime(b.end_day, '%Y-%m-%d') AS end_day,
    (b.end_day - u.opened_on)::DOUBLE AS observed_days
FROM filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u, bounds b
ORDER BY u.unit_id`;

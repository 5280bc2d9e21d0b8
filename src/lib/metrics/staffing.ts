/**
 * The staffing statistics' SQL, beside the measures (./index.ts): annual
 * turnover (the NHS leaver rate: leavers ÷ mean headcount), the specialists'
 * spells for tenure (Kaplan–Meier, $lib/stats/survival), the stability index
 * and the vacancy signal, each on an internal build and on a public one. The
 * staffing view ($lib/views/staffing) runs them; the Methods page prints them
 * (./methods.ts).
 *
 * Years are calendar years wholly inside the data (its reports cover every
 * Monday of the year) and inside the chosen period.
 */
/** The chosen units, and the calendar years wholly inside both the data and the chosen period. */
const CHOSEN_YEARS = `
chosen AS MATERIALIZED (
    SELECT unit_id, org_type FROM filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
data_weeks AS (SELECT DISTINCT week FROM unit_week),
years AS (
    SELECT year(week) AS year, count(*) AS weeks FROM data_weeks
    GROUP BY year(week)
    HAVING min(week) <= make_date(year(week), 1, 7) AND max(week) >= make_date(year(week), 12, 25)
        AND make_date(year(week), 1, 1) >= $first_day::DATE AND make_date(year(week), 12, 31) <= $last_day::DATE
)`;

/**
 * Leavers and mean headcount per year, for the selection, per organisation
 * type and per team size. A leaver is a spell that ended with its last week
 * in the year; the mean headcount is the mean, over the year's weeks, of the
 * specialists reporting. A unit's team size in a year is its mean reported
 * headcount, rounded: 1, 2–3 or 4+.
 */
export const TURNOVER_SQL = `WITH ${CHOSEN_YEARS},
unit_years AS (
    SELECT w.unit_id, year(w.week) AS year, sum(w.specialists) AS specialist_weeks, round(avg(w.specialists)) AS team
    FROM unit_week w JOIN chosen USING (unit_id)
    WHERE year(w.week) IN (SELECT year FROM years)
    GROUP BY w.unit_id, year(w.week)
),
unit_leavers AS (
    SELECT s.unit_id, year(s.last_week) AS year, count(*) AS leavers
    FROM specialist_spells s JOIN chosen USING (unit_id)
    WHERE s.ended GROUP BY s.unit_id, year(s.last_week)
),
unit_rows AS (
    SELECT uy.year, c.org_type, CASE WHEN uy.team <= 1 THEN '1' WHEN uy.team <= 3 THEN '2-3' ELSE '4+' END AS team_size,
        uy.specialist_weeks, coalesce(l.leavers, 0) AS leavers
    FROM unit_years uy JOIN chosen c USING (unit_id)
    LEFT JOIN unit_leavers l ON l.unit_id = uy.unit_id AND l.year = uy.year
)
SELECT r.year::INTEGER AS year,
    CASE WHEN GROUPING(r.org_type) = 0 THEN 'org' WHEN GROUPING(r.team_size) = 0 THEN 'team' ELSE 'all' END AS split,
    coalesce(r.org_type, r.team_size, 'all') AS "group",
    sum(r.leavers)::DOUBLE AS leavers,
    (sum(r.specialist_weeks) / any_value(y.weeks))::DOUBLE AS mean_headcount
FROM unit_rows r JOIN years y USING (year)
GROUP BY GROUPING SETS ((r.year), (r.year, r.org_type), (r.year, r.team_size))
ORDER BY split, "group", year`;

/** Every spell of a chosen unit begun by the end of the chosen period, cut at that end: days in post, and whether it ended. */
export const SPELLS_SQL = `
SELECT (least(s.last_week, $last_day::DATE) - s.first_week + 7)::DOUBLE AS days, (s.ended AND s.last_week <= $last_day::DATE) AS ended
FROM specialist_spells s
JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
WHERE s.first_week <= $last_day::DATE
ORDER BY days, ended`;

/**
 * The stability index: of the spells in post in the week a year before the
 * last reported week of the chosen period, the share still in post in that
 * last week. A spell is in post in a week from its first to its last week.
 */
export const STABILITY_SQL = `
WITH last AS (SELECT max(week) AS week FROM unit_week WHERE week <= $last_day::DATE),
spells AS (
    SELECT s.* FROM specialist_spells s
    JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
),
before AS (SELECT * FROM spells, last WHERE first_week <= last.week - 364 AND last_week >= last.week - 364)
SELECT strftime((SELECT week FROM last) - 364, '%Y-%m-%d') AS from_week, strftime((SELECT week FROM last), '%Y-%m-%d') AS to_week,
    count(*)::DOUBLE AS in_post, (count(*) FILTER (WHERE last_week >= (SELECT week FROM last)))::DOUBLE AS stayed
FROM before`;

/** Unit-weeks per year in which a unit had fewer specialists reporting than the most it had in the 8 weeks before. */
export const VACANCY_SQL = `WITH ${CHOSEN_YEARS},
weekly AS (
    SELECT w.week, w.specialists,
        max(w.specialists) OVER (PARTITION BY w.unit_id ORDER BY w.week RANGE BETWEEN INTERVAL 56 DAYS PRECEDING AND INTERVAL 7 DAYS PRECEDING) AS before
    FROM unit_week w JOIN chosen USING (unit_id)
)
SELECT y.year::INTEGER AS year, (count(w.week) FILTER (WHERE w.specialists < w.before))::DOUBLE AS vacancy_weeks, count(w.week)::DOUBLE AS unit_weeks
FROM years y LEFT JOIN weekly w ON year(w.week) = y.year
GROUP BY y.year ORDER BY y.year`;

/**
 * The same results on a public build, from the published aggregates
 * (pipelines/public.ts): the filters' cube cell, or the chosen unit's row.
 * A withheld count is NULL. Turnover per unit is there only where the unit's
 * headcount and leavers were not small; tenure is published for the nation
 * and for regions with enough spells; stability for the cube's cells.
 */
const PUBLIC_CELL = `CASE WHEN $unit::VARCHAR IS NULL
        THEN s.unit_id IS NULL AND s.region_code IS NOT DISTINCT FROM $region::VARCHAR AND s.funding IS NOT DISTINCT FROM $funding::VARCHAR
        ELSE s.unit_id = $unit::VARCHAR AND $unit::VARCHAR IN (SELECT unit_id FROM filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)) END`;

const PUBLIC_YEARS = `years AS (
    SELECT DISTINCT year FROM public_staffing
    WHERE make_date(year, 1, 1) >= $first_day::DATE AND make_date(year, 12, 31) <= $last_day::DATE
)`;

export const PUBLIC_TURNOVER_SQL = `WITH ${PUBLIC_YEARS},
cells AS (SELECT s.* FROM public_staffing s JOIN years USING (year) WHERE ${PUBLIC_CELL})
SELECT year::INTEGER AS year, split, "group", leavers::DOUBLE AS leavers, mean_headcount FROM (
    SELECT year, 'all' AS split, 'all' AS "group", leavers, mean_headcount FROM cells
    WHERE unit_id IS NOT NULL OR (org_type IS NOT DISTINCT FROM $org::VARCHAR AND team_size IS NULL)
    UNION ALL
    SELECT year, 'org', org_type, leavers, mean_headcount FROM cells
    WHERE unit_id IS NULL AND org_type IS NOT NULL AND ($org::VARCHAR IS NULL OR org_type = $org::VARCHAR) AND team_size IS NULL
    UNION ALL
    SELECT year, 'team', team_size, leavers, mean_headcount FROM cells
    WHERE unit_id IS NULL AND org_type IS NOT DISTINCT FROM $org::VARCHAR AND team_size IS NOT NULL
    UNION ALL
    -- With a unit chosen, its region beside it: where the unit's own figures are withheld, the region's stand.
    SELECT s.year, 'region', s.region_code, s.leavers, s.mean_headcount
    FROM public_staffing s JOIN years USING (year) JOIN units u ON u.unit_id = $unit::VARCHAR
    WHERE s.unit_id IS NULL AND s.region_code = u.region_code AND s.org_type IS NULL AND s.funding IS NULL AND s.team_size IS NULL
)
ORDER BY split, "group", year`;

export const PUBLIC_TENURE_SQL = `
SELECT time, survival, median
FROM public_tenure
WHERE quarter = quarter_of($last_day::DATE) AND region_code IS NOT DISTINCT FROM $region::VARCHAR
ORDER BY time`;

export const PUBLIC_STABILITY_SQL = `
WITH last AS (SELECT max(week) AS week FROM public_weeks WHERE week <= $last_day::DATE)
SELECT strftime(l.week - 364, '%Y-%m-%d') AS from_week, strftime(l.week, '%Y-%m-%d') AS to_week,
    -- No cell: nobody was in post. A unit's own figure is not published.
    CASE WHEN $unit::VARCHAR IS NOT NULL THEN NULL WHEN s.quarter IS NULL THEN 0 ELSE s.in_post END::DOUBLE AS in_post,
    CASE WHEN $unit::VARCHAR IS NOT NULL THEN NULL WHEN s.quarter IS NULL THEN 0 ELSE s.stayed END::DOUBLE AS stayed
FROM last l
LEFT JOIN public_stability s ON s.quarter = quarter_of($last_day::DATE) AND s.region_code IS NOT DISTINCT FROM $region::VARCHAR
    AND s.org_type IS NOT DISTINCT FROM $org::VARCHAR AND s.funding IS NOT DISTINCT FROM $funding::VARCHAR`;

export const PUBLIC_VACANCY_SQL = `WITH ${PUBLIC_YEARS},
cells AS (
    SELECT s.* FROM public_staffing s JOIN years USING (year)
    WHERE ${PUBLIC_CELL} AND (s.unit_id IS NOT NULL OR (s.org_type IS NOT DISTINCT FROM $org::VARCHAR AND s.team_size IS NULL))
)
SELECT y.year::INTEGER AS year,
    -- No cell: no unit-week. A cell's NULL: withheld.
    CASE WHEN c.year IS NULL THEN 0 ELSE c.vacancy_weeks END::DOUBLE AS vacancy_weeks, coalesce(c.unit_weeks, 0)::DOUBLE AS unit_weeks
FROM years y LEFT JOIN cells c USING (year)
ORDER BY y.year`;

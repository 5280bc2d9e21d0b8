/**
 * The staffing statistics' SQL, beside the measures (./index.ts): annual
 * turnover (the NHS leaver rate: leavers ÷ mean headcount), the specialists'
 * spells for tenure (Kaplan–Meier, $lib/stats/survival), the stability index
 * and the vacancy signal. The staffing view ($lib/views/staffing) runs them;
 * the Methods page prints them (./methods.ts).
 *
 * Turnover, vacancy and stability read the staffing aggregates
 * (pipelines/sql/staffing.sql), one definition for both profiles: the
 * filters' cube cell, or the chosen unit's row; on a public build protected
 * (a withheld count is NULL), and with no unit's stability. Tenure reads the
 * spells on an internal build; a public one publishes only the curve, for the
 * nation and for regions with enough spells.
 *
 * Years are calendar years wholly inside the data (its reports cover every
 * Monday of the year) and inside the chosen period.
 */
import type { Profile } from '$lib/contract';

/** Each profile's staffing aggregates, as relations with the internal marts' columns. */
const TABLES: Record<Profile, { staffing: string; stability: string; weeks: string }> = {
	internal: { staffing: 'staffing', stability: 'stability', weeks: 'report_weeks' },
	public: { staffing: 'public_staffing', stability: '(SELECT *, NULL::VARCHAR AS unit_id FROM public_stability)', weeks: 'public_weeks' },
};

/** The filters' cell: the cube's (organisation type aside: the splits choose it), or the chosen unit's row where the filters take it in. */
const CELL = `CASE WHEN $unit::VARCHAR IS NULL
        THEN s.unit_id IS NULL AND s.region_code IS NOT DISTINCT FROM $region::VARCHAR AND s.funding IS NOT DISTINCT FROM $funding::VARCHAR
        ELSE s.unit_id = $unit::VARCHAR AND $unit::VARCHAR IN (SELECT unit_id FROM filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)) END`;

/** The calendar years of the aggregates inside the chosen period. */
const years = (staffing: string) => `years AS (
    SELECT DISTINCT year FROM ${staffing}
    WHERE make_date(year, 1, 1) >= $first_day::DATE AND make_date(year, 12, 31) <= $last_day::DATE
)`;

/**
 * Leavers and mean headcount per year, for the selection, per organisation
 * type and per team size. A leaver is a spell that ended with its last week
 * in the year; the mean headcount is the mean, over the year's weeks, of the
 * specialists reporting. A unit's team size in a year is its mean reported
 * headcount, rounded: 1, 2–3 or 4+. With a unit chosen, its region beside it
 * (on a public build, where the unit's own figures are withheld, the region's stand).
 */
const turnoverSql = ({ staffing }: (typeof TABLES)[Profile]) => `WITH ${years(staffing)},
cells AS (SELECT s.* FROM ${staffing} s JOIN years USING (year) WHERE ${CELL})
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
    SELECT s.year, 'region', s.region_code, s.leavers, s.mean_headcount
    FROM ${staffing} s JOIN years USING (year) JOIN units u ON u.unit_id = $unit::VARCHAR
    WHERE s.unit_id IS NULL AND s.region_code = u.region_code AND s.org_type IS NULL AND s.funding IS NULL AND s.team_size IS NULL
)
ORDER BY split, "group", year`;

/**
 * The stability index: of the spells in post in the week a year before the
 * last reported week of the chosen period, the share still in post in that
 * last week. A spell is in post in a week from its first to its last week.
 * No cell: nobody was in post (a unit's own, on a public build: not published).
 */
const stabilitySql = ({ stability, weeks }: (typeof TABLES)[Profile], unitPublished: boolean) => `
WITH last AS (SELECT max(week) AS week FROM ${weeks} WHERE week <= $last_day::DATE)
SELECT strftime(l.week - 364, '%Y-%m-%d') AS from_week, strftime(l.week, '%Y-%m-%d') AS to_week,
    ${['in_post', 'stayed'].map((c) => `CASE ${unitPublished ? '' : 'WHEN $unit::VARCHAR IS NOT NULL THEN NULL '}WHEN s.quarter IS NULL THEN 0 ELSE s.${c} END::DOUBLE AS ${c}`).join(',\n    ')}
FROM last l
LEFT JOIN ${stability} s ON s.quarter = quarter_of($last_day::DATE) AND s.org_type IS NOT DISTINCT FROM CASE WHEN $unit::VARCHAR IS NULL THEN $org::VARCHAR END AND ${CELL}`;

/** Unit-weeks per year in which a unit had fewer specialists reporting than the most it had in the 8 weeks before. */
const vacancySql = ({ staffing }: (typeof TABLES)[Profile]) => `WITH ${years(staffing)},
cells AS (
    SELECT s.* FROM ${staffing} s JOIN years USING (year)
    WHERE ${CELL} AND (s.unit_id IS NOT NULL OR (s.org_type IS NOT DISTINCT FROM $org::VARCHAR AND s.team_size IS NULL))
)
SELECT y.year::INTEGER AS year,
    -- No cell: no unit-week. A cell's NULL: withheld.
    CASE WHEN c.year IS NULL THEN 0 ELSE c.vacancy_weeks END::DOUBLE AS vacancy_weeks, coalesce(c.unit_weeks, 0)::DOUBLE AS unit_weeks
FROM years y LEFT JOIN cells c USING (year)
ORDER BY y.year`;

export const TURNOVER_SQL = turnoverSql(TABLES.internal);
export const PUBLIC_TURNOVER_SQL = turnoverSql(TABLES.public);
export const STABILITY_SQL = stabilitySql(TABLES.internal, true);
export const PUBLIC_STABILITY_SQL = stabilitySql(TABLES.public, false);
export const VACANCY_SQL = vacancySql(TABLES.internal);
export const PUBLIC_VACANCY_SQL = vacancySql(TABLES.public);

/** Every spell of a chosen unit begun by the end of the chosen period, cut at that end: days in post, and whether it ended. */
export const SPELLS_SQL = `
SELECT (least(s.last_week, $last_day::DATE) - s.first_week + 7)::DOUBLE AS days, (s.ended AND s.last_week <= $last_day::DATE) AS ended
FROM specialist_spells s
JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
WHERE s.first_week <= $last_day::DATE
ORDER BY days, ended`;

export const PUBLIC_TENURE_SQL = `
SELECT time, survival, median
FROM public_tenure
WHERE quarter = quarter_of($last_day::DATE) AND region_code IS NOT DISTINCT FROM $region::VARCHAR
ORDER BY time`;

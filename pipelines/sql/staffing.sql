-- staffing and stability: the staffing view's counts, for both profiles. The
-- internal profile publishes them whole (pipelines/staffing.ts); the public
-- one protects them as public_staffing and public_stability (pipelines/public.ts).
--
-- staffing_raw: per calendar year wholly inside the data, for every unit
-- and every cell of the cube region × organisation type × funding × team
-- size: the mean headcount (specialists reporting, averaged over the year's
-- weeks), leavers (spells ended with their last week in the year) and the
-- vacancy signal's unit-weeks (src/lib/metrics/staffing.ts). A unit's team
-- size is its mean headcount in the year, rounded: 1, 2-3 or 4+. specialists
-- (distinct, per cell) is for the public profile's rule on few specialists.
CREATE OR REPLACE TEMP TABLE staffing_years AS
SELECT year(week) AS year, count(*) AS weeks
FROM (SELECT DISTINCT week FROM mart_unit_week)
GROUP BY year(week)
HAVING min(week) <= make_date(year(week), 1, 7) AND max(week) >= make_date(year(week), 12, 25);

CREATE OR REPLACE TEMP TABLE staffing_raw AS
WITH weekly AS (
    SELECT unit_id, week, specialists,
        max(specialists) OVER (PARTITION BY unit_id ORDER BY week RANGE BETWEEN INTERVAL 56 DAYS PRECEDING AND INTERVAL 7 DAYS PRECEDING) AS before
    FROM mart_unit_week
),
unit_years AS (
    SELECT unit_id, year(week) AS year, sum(specialists) AS specialist_weeks, round(avg(specialists)) AS team,
        count(*) AS unit_weeks, count(*) FILTER (WHERE specialists < before) AS vacancy_weeks
    FROM weekly WHERE year(week) IN (SELECT year FROM staffing_years)
    GROUP BY ALL
),
unit_specialists AS (
    SELECT DISTINCT unit_id, year(week) AS year, specialist_id FROM reports
),
unit_leavers AS (
    SELECT unit_id, year(last_week) AS year, count(*) AS leavers FROM mart_specialist_spells WHERE ended GROUP BY ALL
),
units AS (
    SELECT uy.year, uy.unit_id, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding,
        CASE WHEN uy.team <= 1 THEN '1' WHEN uy.team <= 3 THEN '2-3' ELSE '4+' END AS team_size,
        uy.specialist_weeks, coalesce(l.leavers, 0) AS leavers, uy.unit_weeks, uy.vacancy_weeks,
        (SELECT count(*) FROM unit_specialists s WHERE s.unit_id = uy.unit_id AND s.year = uy.year) AS specialists
    FROM unit_years uy JOIN mart_units u USING (unit_id)
    LEFT JOIN unit_leavers l USING (unit_id, year)
),
-- Distinct specialists per cube cell (someone who moved between units counts once).
cube_specialists AS (
    SELECT s.year,
        CASE WHEN GROUPING(region_code) = 1 THEN NULL ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN NULL ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN NULL ELSE funding END AS funding,
        CASE WHEN GROUPING(team_size) = 1 THEN NULL ELSE team_size END AS team_size,
        count(DISTINCT s.specialist_id) AS specialists
    FROM unit_specialists s JOIN units USING (unit_id, year)
    GROUP BY s.year, CUBE (region_code, org_type, funding, team_size)
),
cube AS (
    SELECT year,
        CASE WHEN GROUPING(region_code) = 1 THEN NULL ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN NULL ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN NULL ELSE funding END AS funding,
        CASE WHEN GROUPING(team_size) = 1 THEN NULL ELSE team_size END AS team_size,
        sum(specialist_weeks) AS specialist_weeks, sum(leavers) AS leavers, sum(unit_weeks) AS unit_weeks, sum(vacancy_weeks) AS vacancy_weeks
    FROM units GROUP BY year, CUBE (region_code, org_type, funding, team_size)
)
SELECT year, 'unit' AS level, unit_id, region_code, org_type, funding, team_size, y.weeks,
    specialist_weeks / y.weeks AS mean_headcount, leavers, unit_weeks, vacancy_weeks, specialists
FROM units JOIN staffing_years y USING (year)
UNION ALL
SELECT year, 'cube', NULL, cube.region_code, cube.org_type, cube.funding, cube.team_size, y.weeks,
    specialist_weeks / y.weeks, leavers, unit_weeks, vacancy_weeks, coalesce(s.specialists, 0)
FROM cube JOIN staffing_years y USING (year)
LEFT JOIN cube_specialists s ON s.year = cube.year AND s.region_code IS NOT DISTINCT FROM cube.region_code AND s.org_type IS NOT DISTINCT FROM cube.org_type
    AND s.funding IS NOT DISTINCT FROM cube.funding AND s.team_size IS NOT DISTINCT FROM cube.team_size;

-- stability_raw: for each quarter, the stability index's counts for a period
-- ending with that quarter: of the spells in post in the week a year before
-- the last reported week, those still in post in that week; for every unit
-- (level 'unit') and every cell of the cube region × organisation type ×
-- funding (level 'cube').
CREATE OR REPLACE TEMP TABLE stability_raw AS
WITH ends AS (
    SELECT quarter, (SELECT max(week) FROM mart_unit_week WHERE week <= (q.quarter + INTERVAL 3 MONTH)::DATE - 1) AS last_week
    FROM (SELECT DISTINCT quarter_of(week) AS quarter FROM mart_unit_week) q
),
spells AS (
    SELECT s.unit_id, s.first_week, s.last_week, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding
    FROM mart_specialist_spells s JOIN mart_units u USING (unit_id)
),
in_post AS (
    SELECT e.quarter, e.last_week, s.* EXCLUDE (last_week), s.last_week >= e.last_week AS stayed
    FROM ends e JOIN spells s ON s.first_week <= e.last_week - 364 AND s.last_week >= e.last_week - 364
)
SELECT quarter, last_week, 'unit' AS level, unit_id, NULL AS region_code, NULL AS org_type, NULL AS funding,
    count(*) AS in_post, count(*) FILTER (WHERE stayed) AS stayed
FROM in_post GROUP BY quarter, last_week, unit_id
UNION ALL
SELECT quarter, last_week, 'cube', NULL,
    CASE WHEN GROUPING(region_code) = 1 THEN NULL ELSE region_code END,
    CASE WHEN GROUPING(org_type) = 1 THEN NULL ELSE org_type END,
    CASE WHEN GROUPING(funding) = 1 THEN NULL ELSE funding END,
    count(*), count(*) FILTER (WHERE stayed)
FROM in_post
GROUP BY quarter, last_week, CUBE (region_code, org_type, funding);

-- public_cells, before suppression: the weekly facts per quarter for every
-- unit, and for every cell of the cube region × organisation type × funding
-- with all its margins (NULL in a key: all of them). The public profile
-- publishes these instead of unit_week (pipelines/public.ts).
--
-- Sums are over the quarter's reports (participant-weeks for a stock), so
-- that every cube cell is exactly the sum of its units and of its parts;
-- weeks is the quarter's weeks with a report from a unit of the cell, as in
-- the internal facts (src/lib/metrics/facts.ts). A unit without a funding
-- (funding '') counts in the margins over funding only.
CREATE OR REPLACE TEMP TABLE pub_unit_week AS
SELECT w.*, quarter_of(w.week) AS quarter, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding,
    open_in_week(u.opened_on, u.closed_on, w.week) AS open
FROM mart_unit_week w JOIN mart_units u USING (unit_id);

CREATE OR REPLACE TEMP TABLE pub_unit_expected AS
SELECT quarter_of(d.week) AS quarter, u.unit_id, count(*) AS expected
FROM (SELECT DISTINCT week FROM mart_unit_week) d, mart_units u
WHERE open_in_week(u.opened_on, u.closed_on, d.week)
GROUP BY ALL;

-- The distinct specialists who reported in each unit and quarter: where a
-- cell has fewer than the threshold, its FTE and its weeks reported are one
-- person's (or a few people's) and are withheld (pipelines/public.ts).
CREATE OR REPLACE TEMP TABLE pub_unit_specialists AS
SELECT DISTINCT quarter_of(r.week) AS quarter, r.unit_id, r.specialist_id, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding
FROM reports r JOIN mart_units u USING (unit_id);

CREATE OR REPLACE TEMP TABLE pub_cells_raw AS
WITH reported AS (
    SELECT quarter, unit_id, count(*) AS weeks, count(*) FILTER (WHERE open) AS reported,
        sum(fte) AS fte, sum(waitlist) AS waitlist, sum(caseload) AS caseload, sum(caseload_young) AS caseload_young,
        sum(employed) AS employed, sum(in_education) AS in_education, sum(wait_days) AS wait_days, sum(enrolled) AS enrolled,
        sum(referrals) AS referrals, sum(job_starts) AS job_starts, sum(education_starts) AS education_starts
    FROM pub_unit_week GROUP BY ALL
),
units AS (
    SELECT quarter, unit_id, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding,
        coalesce(e.expected, 0) AS expected, r.* EXCLUDE (quarter, unit_id)
    FROM (SELECT quarter, unit_id, expected FROM pub_unit_expected) e
    FULL JOIN reported r USING (quarter, unit_id)
    JOIN mart_units u USING (unit_id)
),
-- '*' stands for "all" until the end (a NULL key would not join).
cube AS (
    SELECT quarter,
        CASE WHEN GROUPING(region_code) = 1 THEN '*' ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN '*' ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN '*' ELSE funding END AS funding,
        sum(expected) AS expected, sum(coalesce(reported, 0)) AS reported,
        sum(fte) AS fte, sum(waitlist) AS waitlist, sum(caseload) AS caseload, sum(caseload_young) AS caseload_young,
        sum(employed) AS employed, sum(in_education) AS in_education, sum(wait_days) AS wait_days, sum(enrolled) AS enrolled,
        sum(referrals) AS referrals, sum(job_starts) AS job_starts, sum(education_starts) AS education_starts
    FROM units GROUP BY quarter, CUBE (region_code, org_type, funding)
),
unit_specialists AS (
    SELECT quarter, unit_id, count(*) AS specialists FROM pub_unit_specialists GROUP BY ALL
),
cube_specialists AS (
    SELECT quarter,
        CASE WHEN GROUPING(region_code) = 1 THEN '*' ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN '*' ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN '*' ELSE funding END AS funding,
        count(DISTINCT specialist_id) AS specialists
    FROM pub_unit_specialists GROUP BY quarter, CUBE (region_code, org_type, funding)
),
cube_weeks AS (
    SELECT quarter,
        CASE WHEN GROUPING(region_code) = 1 THEN '*' ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN '*' ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN '*' ELSE funding END AS funding,
        count(DISTINCT week) AS weeks
    FROM pub_unit_week GROUP BY quarter, CUBE (region_code, org_type, funding)
)
SELECT quarter, 'unit' AS level, unit_id, region_code, org_type, funding, coalesce(weeks, 0) AS weeks, coalesce(reported, 0) AS reported,
    expected, fte, waitlist, caseload, caseload_young, employed, in_education, wait_days, enrolled, referrals, job_starts, education_starts,
    coalesce(s.specialists, 0) AS specialists
FROM units LEFT JOIN unit_specialists s USING (quarter, unit_id)
UNION ALL
SELECT c.quarter, 'cube', NULL, nullif(c.region_code, '*'), nullif(c.org_type, '*'), nullif(c.funding, '*'), coalesce(w.weeks, 0), c.reported,
    c.expected, fte, waitlist, caseload, caseload_young, employed, in_education, wait_days, enrolled, referrals, job_starts, education_starts,
    coalesce(s.specialists, 0)
FROM cube c LEFT JOIN cube_weeks w USING (quarter, region_code, org_type, funding)
LEFT JOIN cube_specialists s USING (quarter, region_code, org_type, funding);

-- Funnel windows (#20): the sites view compares each unit over four
-- quarters, and a window of quarters shown one by one is withheld wherever
-- one of them is: a unit's number employed is seldom shown for all four.
-- So for the window the site opens on, the four quarters ending with the
-- latest full quarter (the one before the quarter of the week after the
-- last reported week, as src/lib/views/context.ts has it), each unit's sum
-- over the window is published instead of its quarters'
-- (pipelines/public.ts), protected with the quarters' cells, which it ties.
-- Only that window: protecting a window costs the region × quarter cells
-- around it (measured in the README), too dear for every year. The number
-- in education is not windowed: a unit's is nearly always under the
-- threshold even over a year. A raw sum here, as in pub_cells_raw.
CREATE OR REPLACE TEMP TABLE pub_windows_raw AS
WITH latest AS (
    SELECT (quarter_of((max(week) + INTERVAL 7 DAY)::DATE) - INTERVAL 3 MONTH)::DATE AS window_end FROM mart_unit_week
)
SELECT l.window_end AS quarter, 'window' AS level, c.unit_id, any_value(c.region_code) AS region_code, any_value(c.org_type) AS org_type,
    any_value(c.funding) AS funding, sum(c.weeks) AS weeks, sum(c.employed) AS employed
FROM pub_cells_raw c, latest l
WHERE c.level = 'unit' AND c.quarter BETWEEN (l.window_end - INTERVAL 9 MONTH)::DATE AND l.window_end
    -- A window of four quarters, not fewer at the start of the data.
    AND (SELECT min(quarter) FROM pub_cells_raw) <= (l.window_end - INTERVAL 9 MONTH)::DATE
GROUP BY l.window_end, c.unit_id;

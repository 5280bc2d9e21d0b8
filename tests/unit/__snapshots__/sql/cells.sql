-- cells: the weekly facts per quarter for every unit, and for every cell of
-- the cube region × organisation type × funding with all its margins (NULL in
-- a key: all of them). One definition for both profiles: the internal one
-- publishes it whole, as cube (the cube's cells) and unit_quarter (the
-- units'); the public one as public_cells, after suppression
-- (pipelines/public.ts). Every view's figures for any combination of
-- filters without a unit are read from a cell here (src/lib/metrics/cells.ts).
--
-- Sums are over the quarter's reports (participant-weeks for a stock), so
-- that every cube cell is exactly the sum of its units and of its parts;
-- weeks is the quarter's weeks with a report from a unit of the cell, as in
-- the facts (src/lib/metrics/facts.ts). A unit without a funding (funding '')
-- counts in the margins over funding only. A fact published per week (a
-- stock, FTE) is the quarter's sum over the cell's weeks: people in an
-- average reported week.
--
-- The names in braces stand for the weekly facts of
-- src/lib/contract/weeklyFacts.ts, each summed, published or listed
-- (pipelines/cells.ts).
--
-- open_weeks, the weeks of the data in which a unit of the cell was open, is
-- for the public profile alone: it publishes it as weeks, since a unit's
-- weeks with a report are its weeks reported, which few specialists' are
-- theirs (pipelines/public.ts). A report is only accepted for a week its
-- unit was open, so weeks <= open_weeks.
CREATE OR REPLACE TEMP TABLE cell_unit_week AS
SELECT w.*, quarter_of(w.week) AS quarter, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding,
    open_in_week(u.opened_on, u.closed_on, w.week) AS open
FROM mart_unit_week w JOIN mart_units u USING (unit_id);

CREATE OR REPLACE TEMP TABLE cell_unit_open AS
SELECT d.week, quarter_of(d.week) AS quarter, u.unit_id, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding
FROM (SELECT DISTINCT week FROM mart_unit_week) d, mart_units u
WHERE open_in_week(u.opened_on, u.closed_on, d.week);

CREATE OR REPLACE TEMP TABLE cell_unit_expected AS
SELECT quarter, unit_id, count(*) AS expected FROM cell_unit_open GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE cells_raw AS
WITH reported AS (
    SELECT quarter, unit_id, count(*) AS weeks, count(*) FILTER (WHERE open) AS reported,
        sum(fte) AS fte,
        sum(waitlist) AS waitlist,
        sum(caseload) AS caseload,
        sum(caseload_young) AS caseload_young,
        sum(employed) AS employed,
        sum(in_education) AS in_education,
        sum(wait_days) AS wait_days,
        sum(enrolled) AS enrolled,
        sum(referrals) AS referrals,
        sum(job_starts) AS job_starts,
        sum(education_starts) AS education_starts
    FROM cell_unit_week GROUP BY ALL
),
units AS (
    SELECT quarter, unit_id, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding,
        coalesce(e.expected, 0) AS expected, r.* EXCLUDE (quarter, unit_id)
    FROM (SELECT quarter, unit_id, expected FROM cell_unit_expected) e
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
        sum(fte) AS fte,
        sum(waitlist) AS waitlist,
        sum(caseload) AS caseload,
        sum(caseload_young) AS caseload_young,
        sum(employed) AS employed,
        sum(in_education) AS in_education,
        sum(wait_days) AS wait_days,
        sum(enrolled) AS enrolled,
        sum(referrals) AS referrals,
        sum(job_starts) AS job_starts,
        sum(education_starts) AS education_starts
    FROM units GROUP BY quarter, CUBE (region_code, org_type, funding)
),
cube_weeks AS (
    SELECT quarter,
        CASE WHEN GROUPING(region_code) = 1 THEN '*' ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN '*' ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN '*' ELSE funding END AS funding,
        count(DISTINCT week) AS weeks
    FROM cell_unit_week GROUP BY quarter, CUBE (region_code, org_type, funding)
),
cube_open_weeks AS (
    SELECT quarter,
        CASE WHEN GROUPING(region_code) = 1 THEN '*' ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN '*' ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN '*' ELSE funding END AS funding,
        count(DISTINCT week) AS open_weeks
    FROM cell_unit_open GROUP BY quarter, CUBE (region_code, org_type, funding)
)
SELECT quarter, 'unit' AS level, unit_id, region_code, org_type, funding, coalesce(weeks, 0) AS weeks, coalesce(reported, 0) AS reported,
    expected, expected AS open_weeks, CASE WHEN weeks > 0 THEN fte::DOUBLE / weeks END AS fte,
    CASE WHEN weeks > 0 THEN waitlist::DOUBLE / weeks END AS waitlist,
    CASE WHEN weeks > 0 THEN caseload::DOUBLE / weeks END AS caseload,
    CASE WHEN weeks > 0 THEN caseload_young::DOUBLE / weeks END AS caseload_young,
    CASE WHEN weeks > 0 THEN employed::DOUBLE / weeks END AS employed,
    CASE WHEN weeks > 0 THEN in_education::DOUBLE / weeks END AS in_education,
    wait_days,
    enrolled,
    referrals,
    job_starts,
    education_starts
FROM units
UNION ALL
SELECT c.quarter, 'cube', NULL, nullif(c.region_code, '*'), nullif(c.org_type, '*'), nullif(c.funding, '*'), coalesce(w.weeks, 0), c.reported,
    c.expected, coalesce(o.open_weeks, 0), CASE WHEN weeks > 0 THEN fte::DOUBLE / weeks END AS fte,
    CASE WHEN weeks > 0 THEN waitlist::DOUBLE / weeks END AS waitlist,
    CASE WHEN weeks > 0 THEN caseload::DOUBLE / weeks END AS caseload,
    CASE WHEN weeks > 0 THEN caseload_young::DOUBLE / weeks END AS caseload_young,
    CASE WHEN weeks > 0 THEN employed::DOUBLE / weeks END AS employed,
    CASE WHEN weeks > 0 THEN in_education::DOUBLE / weeks END AS in_education,
    wait_days,
    enrolled,
    referrals,
    job_starts,
    education_starts
FROM cube c LEFT JOIN cube_weeks w USING (quarter, region_code, org_type, funding)
    LEFT JOIN cube_open_weeks o USING (quarter, region_code, org_type, funding);

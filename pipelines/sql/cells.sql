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
--
-- units_open, areas_served and population_served are counted on each
-- quarter's last day, for every quarter from the first unit's opening to the
-- data's last: the units open then, and the municipalities an open unit
-- serves then and their population. A unit counts in its cell; a
-- municipality in the cells of its own region (served by a unit of any
-- region) and of the serving units' organisation type and funding, once in
-- each margin however many units serve it. So units_open is a sum over
-- units, while areas_served is not.
-- A key of a cube cell: the row's own, or '*' (all) in that key's margin.
CREATE OR REPLACE TEMP MACRO cell_key(kept, key) AS CASE WHEN kept THEN key ELSE '*' END;

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

-- From the first unit's opening, which may come before the first report (a
-- year earlier than the data's first quarter is still a quarter of units).
CREATE OR REPLACE TEMP TABLE cell_quarters AS
SELECT * FROM quarters_between(
    (SELECT quarter_of(least((SELECT min(week) FROM mart_unit_week), min(opened_on))) FROM mart_units),
    (SELECT quarter_of(max(week)) FROM mart_unit_week));

CREATE OR REPLACE TEMP TABLE cell_unit_last_day AS
SELECT q.quarter, q.last_day, u.unit_id, u.org_type, coalesce(u.funding_current, '') AS funding
FROM cell_quarters q JOIN mart_units u ON open_on(u.opened_on, u.closed_on, q.last_day);

CREATE OR REPLACE TEMP TABLE cell_unit_served AS
SELECT DISTINCT o.quarter, o.unit_id, o.org_type, o.funding, a.code AS area_code, a.region_code AS area_region, a.population
FROM cell_unit_last_day o
JOIN mart_unit_areas ua ON ua.unit_id = o.unit_id AND served_on(ua.valid_from, ua.valid_to, o.last_day)
JOIN mart_areas a ON a.code = ua.area_code;

-- Each unit's quarters, as a statement of its own: its aggregate over the
-- unit-weeks is done, and its memory free, before the cube's begin. As one
-- statement with the cube's, at a hundred times the units under the run's
-- memory limit (pipelines/db.ts), DuckDB 1.4.3 crashed in its hash aggregate
-- (a segmentation fault, or an internal error in RadixPartitionedHashTable).
CREATE OR REPLACE TEMP TABLE cell_units AS
WITH open_on_last_day AS (
    SELECT o.quarter, o.unit_id, 1 AS units_open,
        count(s.area_code) AS areas_served, coalesce(sum(s.population), 0) AS population_served
    FROM cell_unit_last_day o
    LEFT JOIN cell_unit_served s USING (quarter, unit_id)
    GROUP BY ALL
),
reported AS (
    SELECT quarter, unit_id, count(*) AS weeks, count(*) FILTER (WHERE open) AS reported,
        {weekly_sums}
    FROM cell_unit_week GROUP BY ALL
),
units AS (
    SELECT quarter, unit_id, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding,
        coalesce(e.expected, 0) AS expected, coalesce(l.units_open, 0) AS units_open,
        coalesce(l.areas_served, 0) AS areas_served, coalesce(l.population_served, 0) AS population_served,
        r.* EXCLUDE (quarter, unit_id)
    FROM (SELECT quarter, unit_id, expected FROM cell_unit_expected) e
    FULL JOIN reported r USING (quarter, unit_id)
    FULL JOIN open_on_last_day l USING (quarter, unit_id)
    JOIN mart_units u USING (unit_id)
)
SELECT * FROM units;

CREATE OR REPLACE TEMP TABLE cells_raw AS
-- '*' stands for "all" until the end (a NULL key would not join).
WITH cube AS (
    SELECT quarter,
        CASE WHEN GROUPING(region_code) = 1 THEN '*' ELSE region_code END AS region_code,
        CASE WHEN GROUPING(org_type) = 1 THEN '*' ELSE org_type END AS org_type,
        CASE WHEN GROUPING(funding) = 1 THEN '*' ELSE funding END AS funding,
        sum(expected) AS expected, sum(coalesce(reported, 0)) AS reported, sum(units_open) AS units_open,
        {weekly_sums}
    FROM cell_units GROUP BY quarter, CUBE (region_code, org_type, funding)
),
-- What counts once per cell, not summed over units (a municipality served,
-- a week), goes into the eight cells of its region, type and funding with
-- their margins, and is counted there once. Not count(DISTINCT) over CUBE:
-- at a hundred times the units, under the run's memory limit, DuckDB 1.4.3
-- crashed on that (as it did with the units' quarters in this statement).
margins AS (
    SELECT * FROM (VALUES (true), (false)) r(by_region), (VALUES (true), (false)) o(by_org), (VALUES (true), (false)) f(by_funding)
),
cube_served AS (
    SELECT quarter, region_code, org_type, funding, count(*) AS areas_served, sum(population) AS population_served
    FROM (
        SELECT DISTINCT s.quarter, cell_key(by_region, s.area_region) AS region_code, cell_key(by_org, s.org_type) AS org_type,
            cell_key(by_funding, s.funding) AS funding, s.area_code, s.population
        FROM cell_unit_served s, margins
    )
    GROUP BY ALL
),
-- A cell's weeks with a report from one of its units (weeks), and with one
-- of its units open (open_weeks).
cube_weeks AS (
    SELECT quarter, region_code, org_type, funding, count(*) FILTER (WHERE reported) AS weeks, count(*) FILTER (WHERE NOT reported) AS open_weeks
    FROM (
        SELECT DISTINCT w.quarter, cell_key(by_region, w.region_code) AS region_code, cell_key(by_org, w.org_type) AS org_type,
            cell_key(by_funding, w.funding) AS funding, w.week, w.reported
        FROM (
            SELECT DISTINCT quarter, region_code, org_type, funding, week, true AS reported FROM cell_unit_week
            UNION
            SELECT DISTINCT quarter, region_code, org_type, funding, week, false FROM cell_unit_open
        ) w, margins
    )
    GROUP BY ALL
)
SELECT quarter, 'unit' AS level, unit_id, region_code, org_type, funding, coalesce(weeks, 0) AS weeks, coalesce(reported, 0) AS reported,
    expected, expected AS open_weeks, units_open, areas_served, population_served, {published_facts}
FROM cell_units
UNION ALL
SELECT quarter, 'cube', NULL, nullif(region_code, '*'), nullif(org_type, '*'), nullif(funding, '*'), coalesce(w.weeks, 0), coalesce(c.reported, 0),
    coalesce(c.expected, 0), coalesce(w.open_weeks, 0), coalesce(c.units_open, 0), coalesce(s.areas_served, 0), coalesce(s.population_served, 0),
    {published_facts}
FROM cube c FULL JOIN cube_served s USING (quarter, region_code, org_type, funding)
    LEFT JOIN cube_weeks w USING (quarter, region_code, org_type, funding);

-- cell_specialists: the distinct specialists who reported in each cell of
-- cells_raw (sql/cells.sql), unit or cube, and quarter. The public profile
-- withholds a cell's FTE and weeks reported where it has fewer than the
-- threshold: they are then one person's, or a few people's
-- (pipelines/public.ts). NULL in a cube key: all of them.
CREATE OR REPLACE TEMP TABLE cell_unit_specialists AS
SELECT DISTINCT quarter_of(r.week) AS quarter, r.unit_id, r.specialist_id, u.region_code, u.org_type, coalesce(u.funding_current, '') AS funding
FROM reports r JOIN mart_units u USING (unit_id);

CREATE OR REPLACE TEMP TABLE cell_specialists AS
SELECT quarter, 'unit' AS level, unit_id, NULL AS region_code, NULL AS org_type, NULL AS funding, count(*) AS specialists
FROM cell_unit_specialists GROUP BY quarter, unit_id
UNION ALL
SELECT quarter, 'cube', NULL,
    CASE WHEN GROUPING(region_code) = 0 THEN region_code END,
    CASE WHEN GROUPING(org_type) = 0 THEN org_type END,
    CASE WHEN GROUPING(funding) = 0 THEN funding END,
    count(DISTINCT specialist_id)
FROM cell_unit_specialists GROUP BY quarter, CUBE (region_code, org_type, funding);

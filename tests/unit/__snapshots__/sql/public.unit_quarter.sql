WITH quarters AS (
    SELECT * FROM quarters_between($first_quarter, $last_quarter)
),
chosen_areas AS MATERIALIZED (
    SELECT code, region_code, population FROM areas WHERE $region::VARCHAR IS NULL OR region_code = $region::VARCHAR
),
chosen_units AS MATERIALIZED (
    SELECT unit_id, name, region_code, closed_on, unit_id AS grp
    FROM filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
cells AS (
    SELECT c.*, u.grp
    FROM (SELECT * FROM public_cells WHERE unit_id IS NOT NULL) c JOIN chosen_units u USING (unit_id)
    WHERE c.quarter BETWEEN $first_quarter::DATE AND $last_quarter::DATE
),
quarter_weeks AS (
    SELECT quarter, grp, weeks, reported,
        fte,
        waitlist,
        round(caseload * weeks) AS caseload,
        round(caseload_young * weeks) AS caseload_young,
        round(employed * weeks) AS employed,
        round(in_education * weeks) AS in_education,
        wait_days::DOUBLE AS wait_days,
        enrolled::DOUBLE AS enrolled,
        referrals::DOUBLE AS referrals,
        job_starts::DOUBLE AS job_starts,
        education_starts::DOUBLE AS education_starts
    FROM cells WHERE weeks > 0
),
open_facts AS (
    SELECT quarter, grp, expected, units_open, areas_served, population_served FROM cells
),
area_totals AS (
    SELECT count(*)::DOUBLE AS areas, sum(population)::DOUBLE AS population
    FROM chosen_areas a
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter, g.unit_id, g.unit_name, g.region_code, g.closed,
        coalesce(o.units_open, 0)::DOUBLE AS units_open,
        coalesce(o.areas_served, 0)::DOUBLE AS areas_served,
        coalesce(o.population_served, 0)::DOUBLE AS population_served,
        t.areas, t.population,
        w.weeks::DOUBLE AS weeks,
        w.fte,
        w.waitlist,
        w.caseload,
        w.caseload_young,
        w.employed,
        w.in_education,
        w.wait_days,
        w.enrolled,
        w.referrals,
        w.job_starts,
        w.education_starts,
        -- No reports: none reported. Reports with the count withheld (a public build): unknown.
        (CASE WHEN w.weeks IS NULL THEN 0 ELSE w.reported END)::DOUBLE AS reported,
        coalesce(o.expected, 0)::DOUBLE AS expected
    FROM quarters q
    CROSS JOIN (SELECT unit_id AS grp, unit_id, name AS unit_name, region_code, strftime(closed_on, '%Y-%m-%d') AS closed FROM chosen_units WHERE unit_id IN (SELECT grp FROM cells)) g
    LEFT JOIN quarter_weeks w ON w.quarter = q.quarter AND w.grp = g.grp
    LEFT JOIN open_facts o ON o.quarter = q.quarter AND o.grp = g.grp
    CROSS JOIN area_totals t
)

WITH quarters AS (
    SELECT * FROM quarters_between($first_quarter, $last_quarter)
),
chosen_units AS MATERIALIZED (
    SELECT unit_id, name, region_code, opened_on, closed_on, org_type AS grp
    FROM filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
chosen_areas AS MATERIALIZED (
    SELECT code, region_code, population FROM areas WHERE $region::VARCHAR IS NULL OR region_code = $region::VARCHAR
),
cells AS (
    SELECT c.*, c.org_type AS grp
    FROM (SELECT * FROM public_cells WHERE unit_id IS NULL) c
    WHERE c.quarter BETWEEN $first_quarter::DATE AND $last_quarter::DATE AND c.region_code IS NOT DISTINCT FROM $region::VARCHAR AND c.org_type IS NOT NULL AND ($org::VARCHAR IS NULL OR c.org_type = $org::VARCHAR) AND c.funding IS NOT DISTINCT FROM $funding::VARCHAR
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
open_weeks AS (
    SELECT quarter, grp, expected FROM cells
),
quarter_units AS (
    SELECT q.quarter, u.grp,
        count(*) FILTER (WHERE open_on(u.opened_on, u.closed_on, q.last_day)) AS units_open
    FROM quarters q, chosen_units u
    GROUP BY q.quarter, u.grp
),
served AS (
    SELECT quarter, grp, count(*) AS areas_served, sum(population) AS population_served
    FROM (
        SELECT DISTINCT q.quarter, a.code, a.population, u.grp AS grp
        FROM quarters q
        JOIN unit_areas ua ON served_on(ua.valid_from, ua.valid_to, q.last_day)
        JOIN chosen_units u ON u.unit_id = ua.unit_id AND open_on(u.opened_on, u.closed_on, q.last_day)
        JOIN chosen_areas a ON a.code = ua.area_code
    )
    GROUP BY quarter, grp
),
area_totals AS (
    SELECT count(*)::DOUBLE AS areas, sum(population)::DOUBLE AS population
    FROM chosen_areas a
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter, g.org_type,
        coalesce(qu.units_open, 0)::DOUBLE AS units_open,
        coalesce(s.areas_served, 0)::DOUBLE AS areas_served,
        coalesce(s.population_served, 0)::DOUBLE AS population_served,
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
    CROSS JOIN (SELECT org_type AS grp, org_type FROM (VALUES ('municipal'), ('region'), ('joint')) v(org_type)) g
    LEFT JOIN quarter_units qu ON qu.quarter = q.quarter AND qu.grp = g.grp
    LEFT JOIN served s ON s.quarter = q.quarter AND s.grp = g.grp
    LEFT JOIN quarter_weeks w ON w.quarter = q.quarter AND w.grp = g.grp
    LEFT JOIN open_weeks o ON o.quarter = q.quarter AND o.grp = g.grp
    CROSS JOIN area_totals t
)

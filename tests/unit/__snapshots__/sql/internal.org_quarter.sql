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
week_totals AS (
    SELECT quarter_of(w.week) AS quarter, w.week, u.grp,
        sum(w.fte) AS fte,
        sum(w.waitlist) AS waitlist,
        sum(w.caseload) AS caseload,
        sum(w.caseload_young) AS caseload_young,
        sum(w.employed) AS employed,
        sum(w.in_education) AS in_education,
        sum(w.wait_days) AS wait_days,
        sum(w.enrolled) AS enrolled,
        sum(w.referrals) AS referrals,
        sum(w.job_starts) AS job_starts,
        sum(w.education_starts) AS education_starts,
        count(*) FILTER (WHERE open_in_week(u.opened_on, u.closed_on, w.week)) AS reported
    FROM unit_week w JOIN chosen_units u USING (unit_id)
    GROUP BY w.week, u.grp
),
quarter_weeks AS (
    SELECT quarter, grp, count(*) AS weeks,
        avg(fte)::DOUBLE AS fte,
        avg(waitlist)::DOUBLE AS waitlist,
        sum(caseload)::DOUBLE AS caseload,
        sum(caseload_young)::DOUBLE AS caseload_young,
        sum(employed)::DOUBLE AS employed,
        sum(in_education)::DOUBLE AS in_education,
        sum(wait_days)::DOUBLE AS wait_days,
        sum(enrolled)::DOUBLE AS enrolled,
        sum(referrals)::DOUBLE AS referrals,
        sum(job_starts)::DOUBLE AS job_starts,
        sum(education_starts)::DOUBLE AS education_starts,
        sum(reported) AS reported
    FROM week_totals GROUP BY quarter, grp
),
open_weeks AS (
    SELECT quarter_of(d.week) AS quarter, u.grp, count(*) AS expected
    FROM (SELECT DISTINCT week FROM unit_week) d, chosen_units u
    WHERE open_in_week(u.opened_on, u.closed_on, d.week)
    GROUP BY ALL
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

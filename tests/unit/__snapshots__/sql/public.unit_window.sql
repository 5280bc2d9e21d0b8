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
SELECT strftime($last_quarter::DATE, '%Y-%m-%d') AS quarter, unit_id, unit_name, region_code, closed, weeks, rounded_caseload, rounded_employed, rounded_in_education,
    (units_open)::DOUBLE AS "units_open.value", (NULL)::DOUBLE AS "units_open.numerator", (NULL)::DOUBLE AS "units_open.denominator", coalesce(weeks > 0 AND (false), false) AS "units_open.suppressed",
    (areas_served / areas)::DOUBLE AS "municipalities_served.value", (areas_served)::DOUBLE AS "municipalities_served.numerator", (areas)::DOUBLE AS "municipalities_served.denominator", coalesce(weeks > 0 AND (false), false) AS "municipalities_served.suppressed",
    (population_served / population)::DOUBLE AS "population_served.value", (population_served)::DOUBLE AS "population_served.numerator", (population)::DOUBLE AS "population_served.denominator", coalesce(weeks > 0 AND (false), false) AS "population_served.suppressed",
    (fte / population * 10000)::DOUBLE AS "fte_per_10k.value", (fte)::DOUBLE AS "fte_per_10k.numerator", (population)::DOUBLE AS "fte_per_10k.denominator", coalesce(weeks > 0 AND (fte IS NULL), false) AS "fte_per_10k.suppressed",
    (waitlist)::DOUBLE AS "people_waiting.value", (NULL)::DOUBLE AS "people_waiting.numerator", (NULL)::DOUBLE AS "people_waiting.denominator", coalesce(weeks > 0 AND (waitlist IS NULL), false) AS "people_waiting.suppressed",
    (wait_days / nullif(enrolled, 0))::DOUBLE AS "mean_wait.value", (wait_days)::DOUBLE AS "mean_wait.numerator", (enrolled)::DOUBLE AS "mean_wait.denominator", coalesce(weeks > 0 AND (enrolled IS NULL OR wait_days IS NULL), false) AS "mean_wait.suppressed",
    (employed / nullif(caseload, 0))::DOUBLE AS "employment_rate.value", (employed)::DOUBLE AS "employment_rate.numerator", (caseload)::DOUBLE AS "employment_rate.denominator", coalesce(weeks > 0 AND (caseload IS NULL OR employed IS NULL), false) AS "employment_rate.suppressed",
    (reported / nullif(expected, 0))::DOUBLE AS "report_completeness.value", (reported)::DOUBLE AS "report_completeness.numerator", (expected)::DOUBLE AS "report_completeness.denominator", coalesce(weeks > 0 AND (reported IS NULL), false) AS "report_completeness.suppressed",
    (waitlist / nullif(fte, 0))::DOUBLE AS "waitlist_per_fte.value", (waitlist)::DOUBLE AS "waitlist_per_fte.numerator", (fte)::DOUBLE AS "waitlist_per_fte.denominator", coalesce(weeks > 0 AND (waitlist IS NULL OR fte IS NULL), false) AS "waitlist_per_fte.suppressed",
    (referrals)::DOUBLE AS "referrals.value", (NULL)::DOUBLE AS "referrals.numerator", (NULL)::DOUBLE AS "referrals.denominator", coalesce(weeks > 0 AND (referrals IS NULL), false) AS "referrals.suppressed",
    (enrolled)::DOUBLE AS "enrolments.value", (NULL)::DOUBLE AS "enrolments.numerator", (NULL)::DOUBLE AS "enrolments.denominator", coalesce(weeks > 0 AND (enrolled IS NULL), false) AS "enrolments.suppressed",
    (caseload / nullif(weeks, 0) / nullif(fte, 0))::DOUBLE AS "caseload_per_fte.value", (caseload / nullif(weeks, 0))::DOUBLE AS "caseload_per_fte.numerator", (fte)::DOUBLE AS "caseload_per_fte.denominator", coalesce(weeks > 0 AND (caseload IS NULL OR fte IS NULL), false) AS "caseload_per_fte.suppressed",
    (job_starts / nullif(fte, 0))::DOUBLE AS "job_starts_per_fte.value", (job_starts)::DOUBLE AS "job_starts_per_fte.numerator", (fte)::DOUBLE AS "job_starts_per_fte.denominator", coalesce(weeks > 0 AND (job_starts IS NULL OR fte IS NULL), false) AS "job_starts_per_fte.suppressed",
    (education_starts)::DOUBLE AS "education_starts.value", (NULL)::DOUBLE AS "education_starts.numerator", (NULL)::DOUBLE AS "education_starts.denominator", coalesce(weeks > 0 AND (education_starts IS NULL), false) AS "education_starts.suppressed",
    (in_education / nullif(caseload, 0))::DOUBLE AS "education_rate.value", (in_education)::DOUBLE AS "education_rate.numerator", (caseload)::DOUBLE AS "education_rate.denominator", coalesce(weeks > 0 AND (caseload IS NULL OR in_education IS NULL), false) AS "education_rate.suppressed",
    (caseload_young / nullif(caseload, 0))::DOUBLE AS "young_share.value", (caseload_young)::DOUBLE AS "young_share.numerator", (caseload)::DOUBLE AS "young_share.denominator", coalesce(weeks > 0 AND (caseload IS NULL OR caseload_young IS NULL), false) AS "young_share.suppressed"
FROM (
    SELECT unit_id, unit_name, region_code, closed,
        arg_max(units_open, quarter) AS units_open, arg_max(areas_served, quarter) AS areas_served,
        arg_max(population_served, quarter) AS population_served, any_value(areas) AS areas, any_value(population) AS population,
        sum(weeks) AS weeks,
        CASE WHEN bool_or(weeks > 0 AND fte IS NULL) THEN NULL ELSE sum(fte * weeks) END / sum(weeks) AS fte,
        CASE WHEN bool_or(weeks > 0 AND waitlist IS NULL) THEN NULL ELSE sum(waitlist * weeks) END / sum(weeks) AS waitlist,
        coalesce(CASE WHEN bool_or(weeks > 0 AND caseload IS NULL) THEN NULL ELSE sum(caseload) END, any_value(window_caseload) * sum(weeks)) AS caseload,
        CASE WHEN bool_or(weeks > 0 AND caseload_young IS NULL) THEN NULL ELSE sum(caseload_young) END AS caseload_young,
        coalesce(CASE WHEN bool_or(weeks > 0 AND employed IS NULL) THEN NULL ELSE sum(employed) END, any_value(window_employed) * sum(weeks)) AS employed,
        coalesce(CASE WHEN bool_or(weeks > 0 AND in_education IS NULL) THEN NULL ELSE sum(in_education) END, any_value(window_in_education) * sum(weeks)) AS in_education,
        CASE WHEN bool_or(weeks > 0 AND wait_days IS NULL) THEN NULL ELSE sum(wait_days) END AS wait_days,
        CASE WHEN bool_or(weeks > 0 AND enrolled IS NULL) THEN NULL ELSE sum(enrolled) END AS enrolled,
        CASE WHEN bool_or(weeks > 0 AND referrals IS NULL) THEN NULL ELSE sum(referrals) END AS referrals,
        CASE WHEN bool_or(weeks > 0 AND job_starts IS NULL) THEN NULL ELSE sum(job_starts) END AS job_starts,
        CASE WHEN bool_or(weeks > 0 AND education_starts IS NULL) THEN NULL ELSE sum(education_starts) END AS education_starts,
        CASE WHEN bool_or(weeks > 0 AND reported IS NULL) THEN NULL ELSE sum(reported) END AS reported, sum(expected) AS expected,
        (bool_or(weeks > 0 AND caseload IS NULL) AND any_value(window_caseload) IS NOT NULL) AS rounded_caseload, (bool_or(weeks > 0 AND employed IS NULL) AND any_value(window_employed) IS NOT NULL) AS rounded_employed, (bool_or(weeks > 0 AND in_education IS NULL) AND any_value(window_in_education) IS NOT NULL) AS rounded_in_education
    FROM facts
    LEFT JOIN (
        SELECT unit_id AS window_unit, caseload AS window_caseload, employed AS window_employed, in_education AS window_in_education FROM public_windows
        WHERE quarter = $last_quarter::DATE AND (quarter - INTERVAL 9 MONTH)::DATE = $first_quarter::DATE
    ) w ON w.window_unit = facts.unit_id
    GROUP BY unit_id, unit_name, region_code, closed
) facts
ORDER BY unit_name, unit_id
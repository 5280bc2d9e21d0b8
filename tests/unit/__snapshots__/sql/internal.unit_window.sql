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
    FROM unit_quarter c JOIN chosen_units u USING (unit_id)
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
SELECT strftime($last_quarter::DATE, '%Y-%m-%d') AS quarter, unit_id, unit_name, region_code, closed, weeks,
    (units_open)::DOUBLE AS "units_open.value", (NULL)::DOUBLE AS "units_open.numerator", (NULL)::DOUBLE AS "units_open.denominator",
    (areas_served / areas)::DOUBLE AS "municipalities_served.value", (areas_served)::DOUBLE AS "municipalities_served.numerator", (areas)::DOUBLE AS "municipalities_served.denominator",
    (population_served / population)::DOUBLE AS "population_served.value", (population_served)::DOUBLE AS "population_served.numerator", (population)::DOUBLE AS "population_served.denominator",
    (fte / population * 10000)::DOUBLE AS "fte_per_10k.value", (fte)::DOUBLE AS "fte_per_10k.numerator", (population)::DOUBLE AS "fte_per_10k.denominator",
    (waitlist)::DOUBLE AS "people_waiting.value", (NULL)::DOUBLE AS "people_waiting.numerator", (NULL)::DOUBLE AS "people_waiting.denominator",
    (wait_days / nullif(enrolled, 0))::DOUBLE AS "mean_wait.value", (wait_days)::DOUBLE AS "mean_wait.numerator", (enrolled)::DOUBLE AS "mean_wait.denominator",
    (employed / nullif(caseload, 0))::DOUBLE AS "employment_rate.value", (employed)::DOUBLE AS "employment_rate.numerator", (caseload)::DOUBLE AS "employment_rate.denominator",
    (reported / nullif(expected, 0))::DOUBLE AS "report_completeness.value", (reported)::DOUBLE AS "report_completeness.numerator", (expected)::DOUBLE AS "report_completeness.denominator",
    (waitlist / nullif(fte, 0))::DOUBLE AS "waitlist_per_fte.value", (waitlist)::DOUBLE AS "waitlist_per_fte.numerator", (fte)::DOUBLE AS "waitlist_per_fte.denominator",
    (referrals)::DOUBLE AS "referrals.value", (NULL)::DOUBLE AS "referrals.numerator", (NULL)::DOUBLE AS "referrals.denominator",
    (enrolled)::DOUBLE AS "enrolments.value", (NULL)::DOUBLE AS "enrolments.numerator", (NULL)::DOUBLE AS "enrolments.denominator",
    (caseload / nullif(weeks, 0) / nullif(fte, 0))::DOUBLE AS "caseload_per_fte.value", (caseload / nullif(weeks, 0))::DOUBLE AS "caseload_per_fte.numerator", (fte)::DOUBLE AS "caseload_per_fte.denominator",
    (job_starts / nullif(fte, 0))::DOUBLE AS "job_starts_per_fte.value", (job_starts)::DOUBLE AS "job_starts_per_fte.numerator", (fte)::DOUBLE AS "job_starts_per_fte.denominator",
    (education_starts)::DOUBLE AS "education_starts.value", (NULL)::DOUBLE AS "education_starts.numerator", (NULL)::DOUBLE AS "education_starts.denominator",
    (in_education / nullif(caseload, 0))::DOUBLE AS "education_rate.value", (in_education)::DOUBLE AS "education_rate.numerator", (caseload)::DOUBLE AS "education_rate.denominator",
    (caseload_young / nullif(caseload, 0))::DOUBLE AS "young_share.value", (caseload_young)::DOUBLE AS "young_share.numerator", (caseload)::DOUBLE AS "young_share.denominator"
FROM (
    SELECT unit_id, unit_name, region_code, closed,
        arg_max(units_open, quarter) AS units_open, arg_max(areas_served, quarter) AS areas_served,
        arg_max(population_served, quarter) AS population_served, any_value(areas) AS areas, any_value(population) AS population,
        sum(weeks) AS weeks,
        sum(fte * weeks) / sum(weeks) AS fte,
        sum(waitlist * weeks) / sum(weeks) AS waitlist,
        sum(caseload) AS caseload,
        sum(caseload_young) AS caseload_young,
        sum(employed) AS employed,
        sum(in_education) AS in_education,
        sum(wait_days) AS wait_days,
        sum(enrolled) AS enrolled,
        sum(referrals) AS referrals,
        sum(job_starts) AS job_starts,
        sum(education_starts) AS education_starts,
        sum(reported) AS reported, sum(expected) AS expected
    FROM facts
    GROUP BY unit_id, unit_name, region_code, closed
) facts
ORDER BY unit_name, unit_id
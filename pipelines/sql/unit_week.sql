-- unit_week: one row per unit and ISO week (its Monday) with at least one report.
-- A week without reports has no row: missing is shown as missing, never as zero.
-- joiners: spells that start that week; leavers: ended spells whose last report is that week.
CREATE OR REPLACE VIEW mart_unit_week AS
WITH joined AS (
    SELECT unit_id, first_week AS week, count(*)::INTEGER AS n FROM spells GROUP BY ALL
),
left_unit AS (
    SELECT unit_id, last_week AS week, count(*)::INTEGER AS n FROM spells WHERE ended GROUP BY ALL
)
SELECT
    r.unit_id,
    r.week,
    -- reports holds one row per unit, specialist and week, so counting rows
    -- counts specialists (without the cost of a distinct count)
    count(*)::INTEGER AS specialists,
    round(sum(r.fte), 6)::DOUBLE AS fte,
    count(*)::INTEGER AS reports,
    coalesce(any_value(j.n), 0)::INTEGER AS joiners,
    coalesce(any_value(l.n), 0)::INTEGER AS leavers,
    sum(r.caseload)::INTEGER AS caseload,
    sum(r.caseload_young)::INTEGER AS caseload_young,
    sum(r.referrals)::INTEGER AS referrals,
    sum(r.waitlist)::INTEGER AS waitlist,
    sum(r.enrolled)::INTEGER AS enrolled,
    sum(r.wait_days)::INTEGER AS wait_days,
    sum(r.employer_contacts)::INTEGER AS employer_contacts,
    sum(r.job_starts)::INTEGER AS job_starts,
    sum(r.employed)::INTEGER AS employed,
    sum(r.education_starts)::INTEGER AS education_starts,
    sum(r.in_education)::INTEGER AS in_education,
    sum(r.exits)::INTEGER AS exits
FROM reports r
LEFT JOIN joined j USING (unit_id, week)
LEFT JOIN left_unit l USING (unit_id, week)
GROUP BY r.unit_id, r.week
ORDER BY r.unit_id, r.week;

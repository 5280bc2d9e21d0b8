-- Plausibility: values valid on their own but implausible for their unit, such
-- as a caseload fifty times the unit's usual one. They are kept (nothing is
-- silently changed) and reported as warnings, by file and line.
--
-- Input: reports (the published rows, with file and line). The unit's medians
-- first, in one pass; then only the few rows out of line are taken apart by
-- column (a million rows never become six million).
CREATE OR REPLACE TABLE report_warnings AS
WITH usual AS (
    SELECT unit_id, median(caseload) AS caseload, median(referrals) AS referrals, median(waitlist) AS waitlist,
        median(enrolled) AS enrolled, median(employer_contacts) AS employer_contacts, median(wait_days) AS wait_days
    FROM reports GROUP BY unit_id
),
out_of_line AS (
    SELECT r.file_idx, r.line, [
            {'column_name': 'caseload', 'value': r.caseload, 'median': u.caseload},
            {'column_name': 'referrals', 'value': r.referrals, 'median': u.referrals},
            {'column_name': 'waitlist', 'value': r.waitlist, 'median': u.waitlist},
            {'column_name': 'enrolled', 'value': r.enrolled, 'median': u.enrolled},
            {'column_name': 'employer_contacts', 'value': r.employer_contacts, 'median': u.employer_contacts},
            {'column_name': 'wait_days', 'value': r.wait_days, 'median': u.wait_days}
        ] AS checks
    FROM reports r JOIN usual u USING (unit_id)
    WHERE (u.caseload >= 1 AND r.caseload > 50 * u.caseload) OR (u.referrals >= 1 AND r.referrals > 50 * u.referrals)
        OR (u.waitlist >= 1 AND r.waitlist > 50 * u.waitlist) OR (u.enrolled >= 1 AND r.enrolled > 50 * u.enrolled)
        OR (u.employer_contacts >= 1 AND r.employer_contacts > 50 * u.employer_contacts)
        OR (u.wait_days >= 1 AND r.wait_days > 50 * u.wait_days)
)
SELECT file_idx, line, c.column_name, c.value, c.median
FROM (SELECT file_idx, line, unnest(checks) AS c FROM out_of_line)
WHERE c.median >= 1 AND c.value > 50 * c.median
ORDER BY file_idx, line, c.column_name;

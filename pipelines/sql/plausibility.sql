-- Plausibility: values valid on their own but implausible for their unit, such
-- as a caseload fifty times the unit's usual one. They are kept (nothing is
-- silently changed) and reported as warnings, by file and line.
--
-- Input: reports (the published rows, with file and line).
CREATE OR REPLACE TABLE report_warnings AS
WITH long AS (
    UNPIVOT (SELECT file_idx, line, unit_id, caseload, referrals, waitlist, enrolled, employer_contacts, wait_days FROM reports)
    ON caseload, referrals, waitlist, enrolled, employer_contacts, wait_days
    INTO NAME column_name VALUE value
),
usual AS (
    SELECT unit_id, column_name, median(value) AS median FROM long GROUP BY unit_id, column_name
)
SELECT l.file_idx, l.line, l.column_name, l.value, u.median
FROM long l JOIN usual u USING (unit_id, column_name)
WHERE u.median >= 1 AND l.value > 50 * u.median
ORDER BY l.file_idx, l.line, l.column_name;

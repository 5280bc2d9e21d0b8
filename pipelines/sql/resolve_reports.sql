-- Which submission of a weekly report counts.
--
-- Input: report_rows, every row that passed the row rules, with its file and line.
-- 1. The same report delivered twice (same content, whatever its report_id) counts once:
--    the first copy by file and line is kept.
-- 2. A report_id used again for a different submission: every such row is rejected.
-- 3. Two different submissions for one unit, specialist and week with the same
--    submitted_at: both are rejected as conflicting.
-- 4. Of what remains, the latest submitted_at for (unit, specialist, week) wins;
--    the earlier ones are revisions that it replaced.

CREATE OR REPLACE TABLE report_distinct AS
SELECT * FROM report_rows
QUALIFY row_number() OVER (
    PARTITION BY unit_id, specialist_id, week, submitted_at, fte,
        caseload, caseload_young, referrals, waitlist, enrolled, wait_days,
        employer_contacts, job_starts, employed, education_starts, in_education, exits
    ORDER BY file_idx, line) = 1;

CREATE OR REPLACE TABLE report_problems AS
SELECT file_idx, line, 'report_id' AS column_name, 'report_id_reused' AS rule FROM report_distinct
QUALIFY count(*) OVER (PARTITION BY report_id) > 1
UNION ALL
SELECT file_idx, line, 'submitted_at', 'conflicting_submission' FROM report_distinct
QUALIFY count(*) OVER (PARTITION BY unit_id, specialist_id, week, submitted_at) > 1;

CREATE OR REPLACE TABLE reports AS
SELECT * FROM report_distinct d
WHERE NOT EXISTS (SELECT 1 FROM report_problems p WHERE p.file_idx = d.file_idx AND p.line = d.line)
QUALIFY row_number() OVER (PARTITION BY unit_id, specialist_id, week ORDER BY submitted_at DESC) = 1;

CREATE OR REPLACE TABLE revision_counts AS
SELECT
    (SELECT count(*) FROM report_rows) - (SELECT count(*) FROM report_distinct) AS duplicates,
    (SELECT count(*) FROM report_distinct d
        WHERE NOT EXISTS (SELECT 1 FROM report_problems p WHERE p.file_idx = d.file_idx AND p.line = d.line))
      - (SELECT count(*) FROM reports) AS replaced;

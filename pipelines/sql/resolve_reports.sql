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
-- Grouping (hash aggregates) and joins on key columns rather than window
-- functions over whole rows: the same answer in a fraction of the time on a
-- million rows.

-- Row order does not matter until the marts (which sort themselves): not
-- keeping it saves memory and time on a million rows.
SET preserve_insertion_order = false;

CREATE OR REPLACE TABLE revision_counts AS SELECT count(*) AS accepted FROM report_rows;

CREATE OR REPLACE TABLE report_distinct AS
SELECT
    unit_id, specialist_id, week, submitted_at, fte,
    caseload, caseload_young, referrals, waitlist, enrolled, wait_days,
    employer_contacts, job_starts, employed, education_starts, in_education, exits,
    arg_min(report_id, position) AS report_id,
    (min(position) >> 32)::INTEGER AS file_idx,
    (min(position) & 4294967295)::INTEGER AS line
FROM (SELECT *, (file_idx::BIGINT << 32) | line AS position FROM report_rows)
GROUP BY ALL;

-- The intermediate tables are a million rows each on a large run: free each when done.
DROP TABLE report_rows;

CREATE OR REPLACE TABLE report_problems AS
SELECT file_idx, line, 'report_id' AS column_name, 'report_id_reused' AS rule FROM report_distinct
WHERE report_id IN (SELECT report_id FROM report_distinct GROUP BY report_id HAVING count(*) > 1)
UNION ALL
SELECT file_idx, line, 'submitted_at', 'conflicting_submission' FROM report_distinct
WHERE (unit_id, specialist_id, week, submitted_at) IN (
    SELECT (unit_id, specialist_id, week, submitted_at) FROM report_distinct
    GROUP BY unit_id, specialist_id, week, submitted_at HAVING count(*) > 1);

-- The latest valid submission for each (unit, specialist, week), found on
-- the key columns alone: cheaper than a window over whole rows.
CREATE OR REPLACE TABLE report_latest AS
SELECT unit_id, specialist_id, week, max(submitted_at) AS submitted_at, count(*) AS valid
FROM (SELECT unit_id, specialist_id, week, submitted_at FROM report_distinct ANTI JOIN report_problems USING (file_idx, line))
GROUP BY ALL;

CREATE OR REPLACE TABLE reports AS
SELECT * FROM report_distinct
ANTI JOIN report_problems USING (file_idx, line)
SEMI JOIN report_latest USING (unit_id, specialist_id, week, submitted_at);

CREATE OR REPLACE TABLE revision_counts AS
SELECT
    accepted,
    accepted - (SELECT count(*) FROM report_distinct) AS duplicates,
    (SELECT sum(valid) FROM report_latest) - (SELECT count(*) FROM reports) AS replaced,
    (SELECT count(*) FROM reports) AS published
FROM revision_counts;

DROP TABLE report_latest;

SET preserve_insertion_order = true;

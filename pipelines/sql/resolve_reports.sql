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
--
-- Nearly every (unit, specialist, week) has one report, and such a report is
-- its own distinct submission: only the few keys with several reports are
-- grouped by content. Hash aggregates and joins on key columns rather than
-- windows over whole rows: the same answer in a fraction of the time on a
-- million rows.
-- Outputs: reports, report_distinct (the distinct submissions' places and
-- ids, for the rejects report), report_problems, revision_counts.

-- Row order does not matter until the marts (which sort themselves): not
-- keeping it saves memory and time on a million rows.
SET preserve_insertion_order = false;

CREATE OR REPLACE TABLE revision_counts AS SELECT count(*) AS accepted FROM report_rows;

CREATE OR REPLACE TEMP TABLE report_shared_keys AS
SELECT unit_id, specialist_id, week FROM report_rows GROUP BY ALL HAVING count(*) > 1;

-- The reports of shared keys, the same content once, at its first copy.
CREATE OR REPLACE TEMP TABLE report_shared AS
SELECT
    unit_id, specialist_id, week, submitted_at, fte,
    caseload, caseload_young, referrals, waitlist, enrolled, wait_days,
    employer_contacts, job_starts, employed, education_starts, in_education, exits,
    arg_min(report_id, position) AS report_id,
    (min(position) >> 32)::INTEGER AS file_idx,
    (min(position) & 4294967295)::INTEGER AS line
FROM (
    SELECT *, (file_idx::BIGINT << 32) | line AS position
    FROM report_rows SEMI JOIN report_shared_keys USING (unit_id, specialist_id, week)
)
GROUP BY ALL;

-- Every distinct submission: the reports of a key of their own, and the shared ones.
CREATE OR REPLACE TABLE report_distinct AS
SELECT file_idx, line, report_id, unit_id, specialist_id, week, submitted_at
FROM report_rows ANTI JOIN report_shared_keys USING (unit_id, specialist_id, week)
UNION ALL
SELECT file_idx, line, report_id, unit_id, specialist_id, week, submitted_at FROM report_shared;

CREATE OR REPLACE TABLE report_problems AS
SELECT file_idx, line, 'report_id' AS column_name, 'report_id_reused' AS rule FROM report_distinct
WHERE report_id IN (SELECT report_id FROM report_distinct GROUP BY report_id HAVING count(*) > 1)
UNION ALL
-- only a shared key can hold two submissions
SELECT file_idx, line, 'submitted_at', 'conflicting_submission' FROM report_shared
WHERE (unit_id, specialist_id, week, submitted_at) IN (
    SELECT (unit_id, specialist_id, week, submitted_at) FROM report_shared
    GROUP BY unit_id, specialist_id, week, submitted_at HAVING count(*) > 1);

-- The latest valid submission of each shared key.
CREATE OR REPLACE TEMP TABLE report_shared_latest AS
SELECT unit_id, specialist_id, week, max(submitted_at) AS submitted_at
FROM (SELECT * FROM report_shared ANTI JOIN report_problems USING (file_idx, line))
GROUP BY ALL;

CREATE OR REPLACE TABLE reports AS
SELECT * EXCLUDE (file_idx, line), file_idx, line FROM (
    SELECT
        unit_id, specialist_id, week, submitted_at, fte,
        caseload, caseload_young, referrals, waitlist, enrolled, wait_days,
        employer_contacts, job_starts, employed, education_starts, in_education, exits,
        report_id, file_idx, line
    FROM report_rows
    ANTI JOIN report_shared_keys USING (unit_id, specialist_id, week)
    ANTI JOIN report_problems USING (file_idx, line)
    UNION ALL
    SELECT * FROM report_shared
    ANTI JOIN report_problems USING (file_idx, line)
    SEMI JOIN report_shared_latest USING (unit_id, specialist_id, week, submitted_at)
);

CREATE OR REPLACE TABLE revision_counts AS
SELECT
    accepted,
    accepted - (SELECT count(*) FROM report_distinct) AS duplicates,
    (SELECT count(*) FROM report_distinct) - (SELECT count(DISTINCT (file_idx, line)) FROM report_problems)
        - (SELECT count(*) FROM reports) AS replaced,
    (SELECT count(*) FROM reports) AS published
FROM revision_counts;

-- The same accounting per file: every accepted row is published, replaced, a
-- duplicate, or rejected by the revision rules above.
CREATE OR REPLACE TABLE revision_by_file AS
WITH accepted AS (SELECT file_idx, count(*) AS accepted FROM report_rows GROUP BY file_idx),
distinct_rows AS (SELECT file_idx, count(*) AS distinct_rows FROM report_distinct GROUP BY file_idx),
problems AS (SELECT file_idx, count(DISTINCT line) AS problems FROM report_problems GROUP BY file_idx),
published AS (SELECT file_idx, count(*) AS published FROM reports GROUP BY file_idx)
SELECT file_idx, accepted,
    coalesce(published, 0) AS published,
    coalesce(distinct_rows, 0) - coalesce(problems, 0) - coalesce(published, 0) AS replaced,
    accepted - coalesce(distinct_rows, 0) AS duplicates
FROM accepted
LEFT JOIN distinct_rows USING (file_idx) LEFT JOIN problems USING (file_idx) LEFT JOIN published USING (file_idx);

-- The intermediate tables are a million rows each on a large run: free each when done.
DROP TABLE report_rows;
DROP TABLE report_shared_keys;
DROP TABLE report_shared;
DROP TABLE report_shared_latest;
SET preserve_insertion_order = true;

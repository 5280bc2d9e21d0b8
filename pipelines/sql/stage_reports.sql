-- The weekly reports, checked in bulk: the rules of pipelines/schema/report.ts
-- as column operations. A million rows take under three seconds here, against
-- six in row-by-row validation.
--
-- A row passes here only when it is certainly valid, and then with exactly
-- the values the row-by-row validator would give it. Every other row is
-- flagged and handed to that validator (pipelines/stage/index.ts), which words
-- each reject, or accepts the row after all where these checks are narrower
-- than the contract: a count written "+5" or a JSON object with its keys in
-- another order is valid, only not in the one plain form matched here.
-- tests/unit/stage.test.ts holds the two paths to the same answers.
--
-- Inputs, filled in by stage/index.ts:
--   report_files(file_idx, path, format 'csv' | 'jsonl', delimiter, first_line)
--     CSV files here have the contract's columns in the contract's order and
--     no quote characters, so one line is one record. A large file comes as
--     pieces, each with the line it starts on and the index of its file.
--   unit_spans(unit_id, opened_on, closed_on)
--   report_flagged(file_idx, line, text), to add to
--   variable report_paths: report_files.path as a list, for read_text
--   variables plain_comma, plain_semicolon: what a plain line looks like, as
--     regular expressions (stage/plainForm.ts)
-- Outputs: report_checked (the rows that passed, with the columns of
-- report_rows in stage/index.ts) and report_flagged (the others, with the
-- text of their line).

SET preserve_insertion_order = false;

-- The Monday of ISO week `w` of `year`; week 1 holds 4 January (pipelines/schema/time.ts).
CREATE OR REPLACE TEMP MACRO week_one(year) AS date_trunc('week', make_date(year, 1, 4))::DATE;
CREATE OR REPLACE TEMP MACRO iso_week_monday(year, w) AS
    CASE WHEN w BETWEEN 1 AND (week_one(year + 1) - week_one(year)) // 7 THEN week_one(year) + (w - 1) * 7 END;

-- Every record of every file. Tables rather than one long query from here
-- on: inlined into one plan, the JSON parsing below was repeated for each of
-- the eighteen values.
CREATE OR REPLACE TEMP TABLE report_records AS
WITH lines AS (
    -- Every line of every file, numbered as an editor numbers it.
    SELECT file_idx, format, delimiter,
        (unnest(generate_series(1, len(lines))) + first_line - 1)::INTEGER AS line,
        unnest(lines) AS text
    FROM (
        SELECT f.file_idx, f.format, f.delimiter, f.first_line, string_split(t.content, chr(10)) AS lines
        FROM read_text(getvariable('report_paths')) t
        JOIN report_files f ON f.path = t.filename
    )
)
-- As the readers do: a carriage return before the newline is part of the
-- line ending, and a byte-order mark is not part of the first line.
SELECT file_idx, format, delimiter, line,
    CASE WHEN line = 1 THEN ltrim(trimmed, chr(65279)) ELSE trimmed END AS text
FROM (SELECT *, CASE WHEN suffix(text, chr(13)) THEN text[:-2] ELSE text END AS trimmed FROM lines)
-- A CSV header is not a row, nor is a blank line in either format.
WHERE (format = 'jsonl' OR line > 1) AND trimmed <> '';

-- A JSON Lines record's values, when it is one object of exactly the
-- eighteen keys (a repeated key counts twice) without the trailing comma
-- that DuckDB's JSON reader forgives and JSON.parse does not.
CREATE OR REPLACE TEMP TABLE report_json_values AS
SELECT file_idx, line,
    CASE WHEN CASE WHEN starts_with(text, '{') AND json_valid(text) THEN len(json_keys(text)) = 18 END
        AND NOT contains(text, ',}')
        AND NOT ((contains(text, ' ') OR contains(text, chr(9)) OR contains(text, chr(13))) AND regexp_matches(text, ',\s*}'))
    THEN json_transform(text, '{"report_id":"VARCHAR","unit_id":"VARCHAR","specialist_id":"VARCHAR","week":"VARCHAR","submitted_at":"VARCHAR","fte":"VARCHAR","caseload":"VARCHAR","caseload_young":"VARCHAR","referrals":"VARCHAR","waitlist":"VARCHAR","enrolled":"VARCHAR","wait_days":"VARCHAR","employer_contacts":"VARCHAR","job_starts":"VARCHAR","employed":"VARCHAR","education_starts":"VARCHAR","in_education":"VARCHAR","exits":"VARCHAR"}')
    END AS v
FROM report_records WHERE format = 'jsonl';

-- Every record with its values typed and whether it passed. The checks are
-- written so that a record that is not plain carries NULLs through them and
-- fails, with no branch of its own.
CREATE OR REPLACE TABLE report_checked AS
WITH plain AS (
    -- Each record as one delimited line of its eighteen values: a CSV line
    -- as it is, a JSON object's values joined with commas. (A value holding
    -- a comma then makes more than eighteen fields, and the line is not plain.)
    SELECT file_idx, line, delimiter, text AS values FROM report_records WHERE format = 'csv'
    UNION ALL
    SELECT file_idx, line, ',' AS delimiter,
        concat_ws(',', coalesce(v.report_id, ''), coalesce(v.unit_id, ''), coalesce(v.specialist_id, ''),
            coalesce(v.week, ''), coalesce(v.submitted_at, ''), coalesce(v.fte, ''),
            coalesce(v.caseload, ''), coalesce(v.caseload_young, ''), coalesce(v.referrals, ''),
            coalesce(v.waitlist, ''), coalesce(v.enrolled, ''), coalesce(v.wait_days, ''),
            coalesce(v.employer_contacts, ''), coalesce(v.job_starts, ''), coalesce(v.employed, ''),
            coalesce(v.education_starts, ''), coalesce(v.in_education, ''), coalesce(v.exits, '')) AS values
    FROM report_json_values
), cells AS (
    -- The values of a line in plain form (stage/plainForm.ts); NULL for any other line.
    SELECT file_idx, line,
        CASE WHEN CASE delimiter
                WHEN ',' THEN regexp_full_match(values, getvariable('plain_comma'))
                ELSE regexp_full_match(values, getvariable('plain_semicolon')) END
            THEN string_split(values, delimiter) END AS cells
    FROM plain
), typed AS (
    SELECT file_idx, line,
        cells[1] AS report_id, cells[2] AS unit_id, cells[3] AS specialist_id,
        iso_week_monday(cells[4][1:4]::INTEGER, cells[4][7:8]::INTEGER) AS week,
        -- NULL for a date that does not exist, such as 2023-02-30
        try_cast(replace(rtrim(cells[5], 'Z'), 'T', ' ') AS TIMESTAMP) AS submitted_at,
        replace(cells[6], ',', '.')::DOUBLE AS fte,
        cells[7]::INTEGER AS caseload, cells[8]::INTEGER AS caseload_young, cells[9]::INTEGER AS referrals,
        cells[10]::INTEGER AS waitlist, cells[11]::INTEGER AS enrolled, cells[12]::INTEGER AS wait_days,
        cells[13]::INTEGER AS employer_contacts, cells[14]::INTEGER AS job_starts, cells[15]::INTEGER AS employed,
        cells[16]::INTEGER AS education_starts, cells[17]::INTEGER AS in_education, cells[18]::INTEGER AS exits
    FROM cells
)
SELECT t.* REPLACE (epoch_ms(t.submitted_at)::DOUBLE AS submitted_at),
    coalesce(
        t.week IS NOT NULL AND year(t.submitted_at) BETWEEN 1900 AND 2999
        -- a pseudonym shaped like a personal identity number (pipelines/schema/fields.ts)
        AND NOT regexp_full_match(t.specialist_id, '(?:[0-9]{2})?[0-9]{6}[-+]?[0-9]{4}|[0-9]{11}')
        AND t.fte > 0 AND t.fte <= 1
        AND greatest(t.caseload, t.caseload_young, t.referrals, t.waitlist, t.enrolled, t.wait_days,
            t.employer_contacts, t.job_starts, t.employed, t.education_starts, t.in_education, t.exits) <= 100000
        AND t.caseload_young <= t.caseload AND t.employed <= t.caseload AND t.in_education <= t.caseload
        AND (t.enrolled > 0 OR t.wait_days = 0)
        AND t.week <= CAST(t.submitted_at AS DATE)
        -- nothing from after the run's reference date (--as-of): a day's slack for the submission
        AND t.week <= getvariable('as_of') AND t.submitted_at < getvariable('as_of') + INTERVAL 2 DAY
        -- the unit is known and open in the week
        AND u.opened_on < t.week + 7 AND (u.closed_on IS NULL OR u.closed_on > t.week),
        false) AS passed
FROM typed t LEFT JOIN unit_spans u ON u.unit_id = t.unit_id;

INSERT INTO report_flagged
SELECT file_idx, line, text FROM report_records
SEMI JOIN (SELECT file_idx, line FROM report_checked WHERE NOT passed) USING (file_idx, line);

-- What passed, with the columns of report_rows.
DELETE FROM report_checked WHERE NOT passed;
ALTER TABLE report_checked DROP COLUMN passed;

DROP TABLE report_json_values;
DROP TABLE report_records;

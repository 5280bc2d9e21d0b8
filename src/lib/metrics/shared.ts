/**
 * The predicates every measure shares, written once as DuckDB macros and
 * installed in both engines (Node at build time and in tests, DuckDB-wasm in
 * the browser) right after the marts are loaded. The Methods page prints
 * this once.
 *
 * Days are whole dates. A unit is open from `opened_on` up to, not
 * including, `closed_on`; a municipality is served from `valid_from` up to,
 * not including, `valid_to`. A week is named by its Monday and counts in the
 * quarter of that Monday.
 */
export const SHARED_SQL = `
-- A unit is open on a day: opened on or before it, not closed by it.
CREATE OR REPLACE MACRO open_on(opened_on, closed_on, day) AS
    opened_on <= day AND (closed_on IS NULL OR closed_on > day);

-- A unit is open in the ISO week that starts on Monday \`week\`: open on at least one of its days.
CREATE OR REPLACE MACRO open_in_week(opened_on, closed_on, week) AS
    opened_on < week + 7 AND (closed_on IS NULL OR closed_on > week);

-- A municipality is served on a day by a unit-area period.
CREATE OR REPLACE MACRO served_on(valid_from, valid_to, day) AS
    valid_from <= day AND (valid_to IS NULL OR valid_to > day);

-- The quarter a week counts in: the quarter of its Monday.
CREATE OR REPLACE MACRO quarter_of(week) AS date_trunc('quarter', week)::DATE;

-- The quarters from first to last (their first days), each with its last day.
CREATE OR REPLACE MACRO quarters_between(first_quarter, last_quarter) AS TABLE
    SELECT quarter, (quarter + INTERVAL 3 MONTH)::DATE - 1 AS last_day
    FROM (SELECT unnest(generate_series(first_quarter::DATE, last_quarter::DATE, INTERVAL 3 MONTH))::DATE AS quarter);

-- The units the filters choose; NULL chooses all.
CREATE OR REPLACE MACRO filtered_units(region, org, funding, unit) AS TABLE
    SELECT * FROM units
    WHERE (region IS NULL OR region_code = region)
        AND (org IS NULL OR org_type = org)
        AND (funding IS NULL OR funding_current = funding)
        AND (unit IS NULL OR unit_id = unit);
`;

/** The macros as separate statements (DuckDB-wasm's prepared path runs one statement at a time). */
export const SHARED_STATEMENTS = SHARED_SQL.split(/;\s*\n/)
	.map((s) => s.trim())
	.filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');

/**
 * The aggregates every view reads, as both engines make them: the
 * pipeline's DuckDB, and DuckDB-wasm where a reader's own reports become
 * their unit's (src/lib/check/ownUnit.ts). The SQL files
 * (pipelines/sql/cells.sql, staffing.sql) are read by each (from disk, or
 * bundled); their raw rows become the internal profile's marts here.
 */
import { MARTS } from './marts.ts';
import { WEEKLY_FACTS } from './weeklyFacts.ts';

/** cells.sql with the weekly facts written in: each summed over a quarter, then published (a stock per week of the cell). */
export const cellsSql = (template: string) =>
	template
		.replaceAll('{weekly_sums}', WEEKLY_FACTS.map(({ name }) => `sum(${name}) AS ${name}`).join(',\n        '))
		.replaceAll(
			'{published_facts}',
			WEEKLY_FACTS.map(({ name, published }) => (published === 'per_week' ? `CASE WHEN weeks > 0 THEN ${name}::DOUBLE / weeks END AS ${name}` : name)).join(',\n    '),
		);

/** Where each aggregate mart's rows come from, and their order. */
const FROM_RAW = {
	cube: { raw: 'cells_raw', level: 'cube', order: 'quarter, region_code NULLS FIRST, org_type NULLS FIRST, funding NULLS FIRST' },
	// A unit's quarters together: the rows a unit page reads are one run of the file.
	unit_quarter: { raw: 'cells_raw', level: 'unit', order: 'unit_id, quarter' },
	staffing: { raw: 'staffing_raw', level: null, order: 'year, unit_id NULLS FIRST, region_code NULLS FIRST, org_type NULLS FIRST, funding NULLS FIRST, team_size NULLS FIRST' },
	stability: { raw: 'stability_raw', level: null, order: 'quarter, unit_id NULLS FIRST, region_code NULLS FIRST, org_type NULLS FIRST, funding NULLS FIRST' },
} as const;

export type AggregateMart = keyof typeof FROM_RAW;

/**
 * The statement that makes a table of an internal aggregate mart from the
 * raw rows, with the contract's columns. A cube cell of units without a
 * funding (funding '') counts in the margins and is never published: no
 * filter chooses it.
 */
export function aggregateMartSql(mart: AggregateMart, table: string): string {
	const { raw, level, order } = FROM_RAW[mart];
	const columns = Object.entries(MARTS[mart])
		.map(([column, type]) => `CAST(${column} AS ${type}) AS ${column}`)
		.join(', ');
	const rows = level === null ? '' : ` AND level = '${level}'`;
	return `CREATE OR REPLACE TABLE ${table} AS
        SELECT ${columns} FROM ${raw} WHERE NOT (level = 'cube' AND funding IS NOT DISTINCT FROM '')${rows}
        ORDER BY ${order}`;
}

/**
 * The statement that makes the fidelity mart (./marts.ts): each review of
 * `reviews` (unit_id, reviewed_on, score, level) with its unit's
 * participant-weeks employed and open over the four quarters after the
 * review's quarter, summed from `unitCells` (a profile's units' cells:
 * unit_id, quarter, weeks and the stocks employed and caseload per week).
 * A window is summed once per unit and quarter reviewed, so two reviews in a
 * quarter share it. Needs the macro quarter_of (src/lib/metrics/shared.ts).
 */
export function fidelityMartSql(table: string, reviews: string, unitCells: string): string {
	return `CREATE OR REPLACE TABLE ${table} AS
WITH reviewed AS (
    SELECT DISTINCT unit_id, quarter_of(reviewed_on) AS review_quarter FROM ${reviews}
),
windows AS (
    SELECT r.unit_id, r.review_quarter,
        -- A window with a withheld cell (a public build) is withheld: the sum of the rest would be a wrong number.
        bool_or(c.unit_id IS NOT NULL AND (c.employed IS NULL OR c.caseload IS NULL)) AS withheld,
        coalesce(sum(c.employed * c.weeks), 0) AS employed,
        coalesce(sum(c.caseload * c.weeks), 0) AS caseload
    FROM reviewed r
    LEFT JOIN ${unitCells} c ON c.unit_id = r.unit_id AND c.weeks > 0
        AND c.quarter > r.review_quarter AND c.quarter <= r.review_quarter + INTERVAL 12 MONTH
    GROUP BY r.unit_id, r.review_quarter
)
SELECT f.unit_id::VARCHAR AS unit_id, f.reviewed_on::DATE AS reviewed_on, f.score::INTEGER AS score, f.level::VARCHAR AS level,
    CASE WHEN NOT w.withheld THEN w.employed END::DOUBLE AS employed_after,
    CASE WHEN NOT w.withheld THEN w.caseload END::DOUBLE AS caseload_after
FROM ${reviews} f
JOIN windows w ON w.unit_id = f.unit_id AND w.review_quarter = quarter_of(f.reviewed_on)
ORDER BY f.unit_id, f.reviewed_on, f.score`;
}

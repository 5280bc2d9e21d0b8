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

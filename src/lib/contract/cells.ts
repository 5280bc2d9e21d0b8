/**
 * The cells' statements (pipelines/sql/cells.sql), written out for both
 * engines: the pipeline's DuckDB, and DuckDB-wasm where a reader's own
 * reports become their unit's cells (src/lib/check/ownUnit.ts). The SQL file
 * is read by each (from disk, or bundled), and completed here.
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

/**
 * The statement that makes a table of the internal profile's cube or units
 * from cells_raw, with the contract's columns. A cube cell of units without
 * a funding (funding '') counts in the margins and is never published: no
 * filter chooses it.
 */
export function cellMartSql(mart: 'cube' | 'unit_quarter', table: string): string {
	const columns = Object.entries(MARTS[mart])
		.map(([column, type]) => `CAST(${column} AS ${type}) AS ${column}`)
		.join(', ');
	if (mart === 'cube')
		return `CREATE OR REPLACE TABLE ${table} AS
        SELECT ${columns} FROM cells_raw WHERE level = 'cube' AND funding IS DISTINCT FROM ''
        ORDER BY quarter, region_code NULLS FIRST, org_type NULLS FIRST, funding NULLS FIRST`;
	// A unit's quarters together: the rows a unit page reads are one run of the file.
	return `CREATE OR REPLACE TABLE ${table} AS
        SELECT ${columns} FROM cells_raw WHERE level = 'unit' ORDER BY unit_id, quarter`;
}

/**
 * The cells (sql/cells.sql): every view's weekly facts per quarter, for each
 * unit and for each cell of the cube region × organisation type × funding
 * with its margins. Written once for both profiles: the internal one
 * publishes them whole as `cube` and `unit_quarter`; the public one
 * protects them and publishes `public_cells` (./public.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { cellMartSql, cellsSql } from '../src/lib/contract/index.ts';
import { sqlFile } from './db.ts';

/** Builds cells_raw: one row per unit and quarter (level 'unit') and per cube cell and quarter (level 'cube'). */
export const buildCells = (conn: DuckDBConnection) => conn.run(cellsSql(sqlFile('cells')));

/** The internal profile's cells, as tables mart_cube and mart_unit_quarter. */
export async function buildCellMarts(conn: DuckDBConnection): Promise<void> {
	await buildCells(conn);
	await conn.run(cellMartSql('cube', 'mart_cube'));
	await conn.run(cellMartSql('unit_quarter', 'mart_unit_quarter'));
}

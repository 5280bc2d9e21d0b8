/**
 * The aggregates every view reads, summed once: the cells (sql/cells.sql:
 * the weekly facts per quarter for each unit and each cell of the cube
 * region × organisation type × funding with its margins) and staffing
 * (sql/staffing.sql: turnover, vacancy and stability per unit and cube
 * cell). Written once for both profiles: the internal one publishes them
 * whole as cube, unit_quarter, staffing and stability; the public one
 * protects them as public_cells, public_staffing and public_stability
 * (./public.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { aggregateMartSql, cellsSql } from '../src/lib/contract/index.ts';
import { sqlFile } from './db.ts';

/** Builds cells_raw: one row per unit and quarter (level 'unit') and per cube cell and quarter (level 'cube'). */
export const buildCells = (conn: DuckDBConnection) => conn.run(cellsSql(sqlFile('cells')));

/** Builds staffing_raw and stability_raw, per unit and cube cell. */
export const buildStaffing = (conn: DuckDBConnection) => conn.run(sqlFile('staffing'));

/** The internal profile's aggregates, as tables mart_cube, mart_unit_quarter, mart_staffing, mart_stability and mart_report_weeks. */
export async function buildAggregateMarts(conn: DuckDBConnection): Promise<void> {
	await buildCells(conn);
	await buildStaffing(conn);
	for (const mart of ['cube', 'unit_quarter', 'staffing', 'stability'] as const) await conn.run(aggregateMartSql(mart, `mart_${mart}`));
	await conn.run('CREATE OR REPLACE TABLE mart_report_weeks AS SELECT DISTINCT week FROM mart_unit_week ORDER BY week');
}

/** Shared by the browser tests: the published Parquet as an independent DuckDB, and a chart's CSV download. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Page } from 'playwright-core';

/** The published marts of a site as tables, for SQL written in the test. */
export async function marts(dir: string): Promise<DuckDBConnection> {
	const db = await (await DuckDBInstance.create(':memory:')).connect();
	for (const name of ['units', 'unit_week', 'unit_areas', 'unit_funding', 'areas', 'fidelity']) {
		await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(dir, `${name}.parquet`)}')`);
	}
	return db;
}

/** Rows of a query as plain objects, BIGINTs as numbers. */
export const rows = async (db: DuckDBConnection, sql: string) =>
	(await db.runAndReadAll(sql)).getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

/** Clicks a chart's CSV button and reads the file. */
export async function downloadCsv(page: Page, chart: string) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-chart="${chart}"]`).getByRole('button', { name: /CSV/ }).click()]);
	const text = readFileSync((await file.path())!, 'utf8');
	const [header, ...lines] = text.trim().split('\n');
	return { name: file.suggestedFilename(), header: header!, rows: lines.map((line) => line.split(',')) };
}

/** A CSV cell against an expected number: empty for a missing value, else equal to 9 decimals. */
export function sameNumber(cell: string | undefined, expected: unknown): boolean {
	if (expected === null || expected === undefined) return cell === '';
	return Math.abs(Number(cell) - Number(expected)) < 1e-9;
}

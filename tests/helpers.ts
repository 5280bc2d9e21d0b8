/** Shared test helpers: temporary folders, fixture copies, pipeline runs, mart reads. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll } from 'vitest';
import { runPipeline, type RunOptions } from '../pipelines/run.ts';
import { buildCellMarts } from '../pipelines/cells.ts';
import { PROFILE_MARTS } from '../src/lib/contract/index.ts';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const REFERENCE = join(FIXTURES, 'reference');

const made: string[] = [];
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'ips-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	made.push(dir);
	return dir;
}

/** A writable copy of a fixture input folder. */
export function copyFixture(name: string): string {
	const dir = join(tempDir(), 'in');
	cpSync(join(FIXTURES, name), dir, { recursive: true });
	return dir;
}

export function run(inDir: string, options: Partial<RunOptions> = {}) {
	const root = tempDir();
	return runPipeline({
		inDir,
		referenceDir: REFERENCE,
		outDir: join(root, 'out'),
		maxRejectRate: 1,
		rejectsPath: join(root, 'failed-rejects.csv'),
		...options,
	});
}

/** Rows of a published Parquet mart, as plain objects (DATE as YYYY-MM-DD). */
export async function readParquet(path: string, orderBy?: string): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')${orderBy ? ` ORDER BY ${orderBy}` : ''}`);
		return reader.getRowObjectsJson() as Record<string, unknown>[];
	} finally {
		conn.closeSync();
	}
}

/** A DuckDB connection with one view per published Parquet mart in `dir` (an internal build). */
export async function openMarts(dir: string) {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	for (const name of PROFILE_MARTS.internal) {
		await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${join(dir, `${name}.parquet`)}')`);
	}
	/** The first row of a query as numbers, typed by the column names the caller names. */
	return async <Column extends string>(sql: string) => {
		const row = (await conn.runAndReadAll(sql)).getRowObjectsJS()[0]!;
		return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as Record<Column, number>;
	};
}

export function readArrow(path: string) {
	return tableFromIPC(readFileSync(path));
}

/**
 * The cells that a hand-made unit_week and units add up to, by the
 * pipeline's own statements: tables cube and unit_quarter beside them, as an
 * internal build publishes them. Call once the shared macros are installed.
 */
export async function addCells(conn: DuckDBConnection) {
	await conn.run('CREATE OR REPLACE VIEW mart_unit_week AS SELECT * FROM unit_week; CREATE OR REPLACE VIEW mart_units AS SELECT * FROM units');
	await buildCellMarts(conn);
	await conn.run('CREATE OR REPLACE TABLE cube AS FROM mart_cube; CREATE OR REPLACE TABLE unit_quarter AS FROM mart_unit_quarter');
}

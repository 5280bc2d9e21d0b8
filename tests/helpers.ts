/** Shared test helpers: temporary folders, fixture copies, pipeline runs, mart reads. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll } from 'vitest';
import { runPipeline, type RunOptions } from '../pipelines/run.ts';
import { buildAggregateMarts } from '../pipelines/cells.ts';
import { fidelityMartSql, PROFILE_MARTS, unitCellsOf } from '../src/lib/contract/index.ts';

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
 * The aggregates that a hand-made unit_week, units and specialist_spells
 * (and reports, if given) add up to, by the pipeline's own statements:
 * tables cube, unit_quarter, staffing, stability and weeks beside them, as
 * an internal build publishes them. Call once the shared macros are installed.
 */
export async function addAggregates(conn: DuckDBConnection) {
	await conn.run(`CREATE OR REPLACE VIEW mart_unit_week AS SELECT * FROM unit_week; CREATE OR REPLACE VIEW mart_units AS SELECT * FROM units;
		CREATE OR REPLACE VIEW mart_unit_areas AS SELECT * FROM unit_areas; CREATE OR REPLACE VIEW mart_areas AS SELECT * FROM areas;
		CREATE TABLE IF NOT EXISTS specialist_spells (spell_id VARCHAR, unit_id VARCHAR, first_week DATE, last_week DATE, ended BOOLEAN);
		CREATE OR REPLACE VIEW mart_specialist_spells AS SELECT * FROM specialist_spells;
		CREATE TABLE IF NOT EXISTS reports (unit_id VARCHAR, specialist_id VARCHAR, week DATE)`);
	await buildAggregateMarts(conn);
	for (const mart of ['cube', 'unit_quarter', 'staffing', 'stability', 'report_weeks']) await conn.run(`CREATE OR REPLACE TABLE ${mart} AS FROM mart_${mart}`);
	// The reviews given (unit_id, reviewed_on, score, level) become the fidelity mart, with their outcome windows.
	await conn.run('CREATE TABLE IF NOT EXISTS fidelity (unit_id VARCHAR, reviewed_on DATE, score INTEGER, level VARCHAR); CREATE OR REPLACE TABLE fidelity_reviews AS FROM fidelity');
	await conn.run(fidelityMartSql('fidelity', 'fidelity_reviews', unitCellsOf('internal')));
}

/**
 * Publishing: every mart as Parquet (ZSTD, for analysts) and as an Arrow IPC
 * stream (for DuckDB-wasm, which has no Parquet reader offline), plus the
 * manifest and the rejects report. Everything is built in a temporary folder
 * beside the target and swapped in whole, so a reader never sees half a run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DuckDBConnection, DuckDBDateValue } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import type { FileFacts, MartFacts } from '../src/lib/contract/index.ts';
import { Bool, DateDay, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';

const DAY_MS = 86_400_000;


function arrowVector(typeId: DuckDBTypeId, values: readonly unknown[], column: string): Vector {
	switch (typeId) {
		case DuckDBTypeId.VARCHAR:
			return vectorFromArray(values as (string | null)[], new Utf8());
		case DuckDBTypeId.INTEGER:
			return vectorFromArray(values as (number | null)[], new Int32());
		case DuckDBTypeId.DOUBLE:
			return vectorFromArray(values as (number | null)[], new Float64());
		case DuckDBTypeId.BOOLEAN:
			return vectorFromArray(values as (boolean | null)[], new Bool());
		case DuckDBTypeId.DATE:
			return vectorFromArray(
				(values as (DuckDBDateValue | null)[]).map((v) => (v === null ? null : v.days * DAY_MS)),
				new DateDay(),
			);
		default:
			throw new Error(`column ${column}: type ${DuckDBTypeId[typeId]} has no Arrow mapping; cast it in the mart SQL`);
	}
}

const facts = (path: string): FileFacts => {
	const bytes = readFileSync(path);
	return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
};

/** Writes `<name>.parquet` and `<name>.arrow` from a view; returns rows, sizes and hashes. */
export async function writeMart(conn: DuckDBConnection, view: string, dir: string, name: string): Promise<MartFacts> {
	// Computed once, then written twice.
	const table = `published_${name}`;
	await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${view}`);
	const parquetPath = join(dir, `${name}.parquet`);
	await conn.run(`COPY ${table} TO '${parquetPath.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);

	const reader = await conn.runAndReadAll(`SELECT * FROM ${table}`);
	const names = reader.columnNames();
	const types = reader.columnTypes();
	const columns = reader.getColumns();
	const vectors = Object.fromEntries(names.map((col, i) => [col, arrowVector(types[i]!.typeId, columns[i]!, col)]));
	const arrowPath = join(dir, `${name}.arrow`);
	writeFileSync(arrowPath, tableToIPC(new Table(vectors), 'stream'));
	return { rows: reader.currentRowCount, parquet: facts(parquetPath), arrow: facts(arrowPath) };
}

/** A temporary folder beside `target`, on the same file system so the swap is a rename. */
export function stagingFolder(target: string): string {
	const parent = dirname(target);
	mkdirSync(parent, { recursive: true });
	const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging);
	return staging;
}

const previousPrefix = (target: string) => `.${basename(target)}.previous-`;

/**
 * Replaces `target` by `staging`: two renames, the old output moved aside
 * first; if the second fails, the old target is put back. A crash between the
 * two leaves the old output complete beside the target, and the next run puts
 * it back before anything else (recoverInterruptedSwap).
 */
export function swapInto(staging: string, target: string) {
	const previous = join(dirname(target), `${previousPrefix(target)}${process.pid}`);
	rmSync(previous, { recursive: true, force: true });
	const hadTarget = existsSync(target);
	if (hadTarget) renameSync(target, previous);
	try {
		renameSync(staging, target);
	} catch (error) {
		if (hadTarget) renameSync(previous, target);
		throw error;
	}
	rmSync(previous, { recursive: true, force: true });
}

/** Writes a file through a temporary name, so it is either whole or absent. */
export function writeFileAtomic(path: string, content: string | Uint8Array) {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.tmp-${process.pid}`;
	writeFileSync(temporary, content);
	renameSync(temporary, path);
}

/** Puts back an output left aside by a run that stopped between the two renames of its swap. */
export function recoverInterruptedSwap(target: string, notice: (message: string) => void) {
	const parent = dirname(target);
	if (existsSync(target) || !existsSync(parent)) return;
	const left = readdirSync(parent).filter((name) => name.startsWith(previousPrefix(target))).sort();
	if (!left.length) return;
	renameSync(join(parent, left.at(-1)!), target);
	notice(`put back ${target} from ${left.at(-1)}, left by a run that stopped while publishing`);
}

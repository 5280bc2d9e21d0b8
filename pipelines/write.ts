/**
 * Publishing: every mart as Parquet (ZSTD, for analysts) and as an Arrow IPC
 * stream (for DuckDB-wasm, which has no Parquet reader offline), plus the
 * manifest and the rejects report. Everything is built in a temporary folder
 * and swapped in whole, so a reader never sees half a run.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { DuckDBConnection, DuckDBDateValue, DuckDBResultReader } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import { compareUnitKeys, cutIntoParts, PART_ROWS, PARTITIONED_MARTS, type FileFacts, type MartFacts, type MartName, type Part } from '../src/lib/contract/index.ts';
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

/**
 * Writes `<name>.parquet` and `<name>.arrow` from a view, or for a mart of
 * PARTITIONED_MARTS its Arrow in parts (`<name>/part-000.arrow`, …, and its
 * cube cells as `<name>/cells.arrow`); returns rows, sizes and hashes.
 */
export async function writeMart(conn: DuckDBConnection, view: string, dir: string, name: MartName, partRows = PART_ROWS): Promise<MartFacts> {
	// Computed once, then written twice; dropped after, so that the next mart has the memory (unit_week at a hundred times the units).
	const table = `published_${name}`;
	await conn.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM ${view}`);
	try {
		const parquetPath = join(dir, `${name}.parquet`);
		await conn.run(`COPY ${table} TO '${parquetPath.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`);
		const parquet = facts(parquetPath);
		const read = PARTITIONED_MARTS[name];
		if (read) {
			mkdirSync(join(dir, name));
			const cells = read === 'cells' ? await writeCells(conn, table, dir, name) : undefined;
			const parts = await writeParts(conn, table, dir, name, partRows);
			return { rows: parts.reduce((sum, part) => sum + part.rows, cells?.rows ?? 0), parquet, parts, ...(cells ? { cells } : {}) };
		}
		const arrowPath = join(dir, `${name}.arrow`);
		const rows = writeArrow(await conn.runAndReadAll(`SELECT * FROM ${table}`), arrowPath);
		return { rows, parquet, arrow: facts(arrowPath) };
	} finally {
		await conn.run(`DROP TABLE ${table}`);
	}
}

/** Writes a result as an Arrow IPC stream; returns its rows. */
function writeArrow(reader: DuckDBResultReader, path: string): number {
	const names = reader.columnNames();
	const types = reader.columnTypes();
	// An empty result has no column chunks: each column is then empty.
	const columns = reader.getColumns();
	const vectors = Object.fromEntries(names.map((col, i) => [col, arrowVector(types[i]!.typeId, columns[i] ?? [], col)]));
	writeFileSync(path, tableToIPC(new Table(vectors), 'stream'));
	return reader.currentRowCount;
}

/** A mart's cube cells (its rows without a unit) as a file of their own, in the mart's order. */
async function writeCells(conn: DuckDBConnection, table: string, dir: string, name: MartName) {
	const file = `${name}/cells.arrow`;
	const rows = writeArrow(await conn.runAndReadAll(`SELECT * FROM ${table} WHERE unit_id IS NULL`), join(dir, file));
	return { file, rows, ...facts(join(dir, file)) };
}

/**
 * A mart's units' rows as parts of whole units, in the order of parts
 * (region, then unit: src/lib/contract/parts.ts), each part's rows in the
 * mart's own order. A mart without rows is one empty part, so that the
 * browser still has its columns.
 */
async function writeParts(conn: DuckDBConnection, table: string, dir: string, name: MartName, partRows: number): Promise<Part[]> {
	const units = (
		await conn.runAndReadAll(`SELECT coalesce(u.region_code, '') AS region_code, t.unit_id, count(*)::INTEGER AS rows
            FROM ${table} t LEFT JOIN mart_units u USING (unit_id) WHERE t.unit_id IS NOT NULL GROUP BY ALL`)
	)
		.getRowsJS()
		.map(([region, unit, rows]) => ({ key: [String(region), String(unit)] as const, rows: Number(rows) }))
		.sort((a, b) => compareUnitKeys(a.key, b.key));
	const parts: (typeof units)[] = units.length ? cutIntoParts(units, partRows) : [[]];
	const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
	await conn.run(`CREATE OR REPLACE TEMP TABLE unit_parts (unit_id VARCHAR, part INTEGER)`);
	if (units.length) await conn.run(`INSERT INTO unit_parts VALUES ${parts.flatMap((part, i) => part.map(({ key }) => `(${literal(key[1])}, ${i})`)).join(', ')}`);
	const written: Part[] = [];
	// One at a time: the one connection runs one statement at a time.
	for (const [i, part] of parts.entries()) {
		const file = `${name}/part-${String(i).padStart(3, '0')}.arrow`;
		// A filter keeps the mart's order (the pipeline's connection preserves insertion order).
		const rows = writeArrow(await conn.runAndReadAll(`SELECT * FROM ${table} WHERE unit_id IN (SELECT unit_id FROM unit_parts WHERE part = ${i})`), join(dir, file));
		const key = (unit: (typeof part)[number] | undefined): [string, string] => (unit ? [unit.key[0], unit.key[1]] : ['', '']);
		written.push({ file, rows, ...facts(join(dir, file)), regions: [...new Set(part.map(({ key }) => key[0]))], first: key(part[0]), last: key(part.at(-1)) });
	}
	await conn.run('DROP TABLE unit_parts');
	return written;
}

/** Whether --out is a symbolic link: then each run publishes a new version beside the link's target and points the link at it. */
const isLink = (path: string) => lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;

/** The name of a version folder of ours, for a link named `name`: <name>.<time>-<pid>. */
const versionPattern = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+-\\d+$`);

/**
 * A temporary folder on the same file system as `target`, so that the swap
 * is a rename: beside it, or, where `target` is a symbolic link, beside the
 * folder it points to, as the next version.
 */
export function stagingFolder(target: string): string {
	if (isLink(target)) {
		const version = join(dirname(realpathSync(target)), `${basename(target)}.${Date.now()}-${process.pid}`);
		mkdirSync(version);
		return version;
	}
	const parent = dirname(target);
	mkdirSync(parent, { recursive: true });
	const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging);
	return staging;
}

const previousPrefix = (target: string) => `.${basename(target)}.previous-`;

/**
 * Replaces `target` by `staging`.
 *
 * Where `target` is a symbolic link, atomically: a new link to the new
 * version is renamed over it, so at every moment it leads to a complete old
 * or new output. The version it led to stays until the next run, for readers
 * still in it; older versions of ours are removed.
 *
 * Where `target` is a folder, in two renames, the old output moved aside
 * first (a folder cannot be exchanged in one step from Node): a reader sees
 * the complete old output, the complete new one, or, for the instant between
 * the renames, none; never a mix. If the second rename fails the old target
 * is put back; a crash between the two leaves the old output complete beside
 * the target, and the next run puts it back first (recoverInterruptedSwap).
 */
export function swapInto(staging: string, target: string) {
	if (isLink(target)) return pointLinkAt(target, staging);
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

function pointLinkAt(link: string, version: string) {
	const replaced = realpathSync(link);
	const temporary = join(dirname(link), `.${basename(link)}.link-${process.pid}`);
	rmSync(temporary, { force: true });
	// Written as the operator wrote the link: relative stays relative.
	symlinkSync(isAbsolute(readlinkSync(link)) ? version : relative(dirname(link), version), temporary, 'dir');
	renameSync(temporary, link);
	const ours = versionPattern(basename(link));
	const versions = dirname(version);
	for (const name of readdirSync(versions)) {
		const path = join(versions, name);
		if (ours.test(name) && path !== version && path !== replaced) rmSync(path, { recursive: true, force: true });
	}
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

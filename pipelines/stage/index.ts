/**
 * Staging the weekly reports: every row validated, the valid ones in DuckDB's
 * report_rows table. Two validators share the work. Bulk checks in SQL
 * (sql/stage_reports.sql) take every line written in plain form, a million
 * in a few seconds; the row-by-row validator (validateRow.ts) takes the
 * lines they flag and the files they cannot read line by line (CSV with
 * quotes, columns in another order), and words every reject.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlFile } from '../db.ts';
import { todayDay } from '../schema/time.ts';
import type { UnitLife } from '../fold.ts';
import type { Delimiter } from '../read/csv.ts';
import { csvRow, decimalOf, jsonLineRow, readCsvHeader } from '../read/table.ts';
import { linePieces, scanText } from '../read/pieces.ts';
import { fromUnreadable, type Reject } from '../rejects.ts';
import { REPORT_COLUMNS, type Report } from '../schema/index.ts';
import { PLAIN_FORM_VARIABLES } from './plainForm.ts';
import { validateReportFile } from './validateFile.ts';
import { STAGED_COLUMNS, stagedRowsSql, tsvLine, validateReportRow, type RejectSink, type ReportContext, type UnitSpan, type Validated } from './validateRow.ts';


export interface Staged {
	/** Data rows read, readable or not. */
	rows: number;
	/** The rejects, where no log was given to take them. */
	rejects: Reject[];
	/** Lines the bulk checks handed to the row-by-row validator. */
	flagged: number;
	/** Files read by the row-by-row validator alone. */
	filesReadRowByRow: number;
}

/** How a report file is read. */
interface FilePlan {
	idx: number;
	file: string;
	path: string;
	format: 'csv' | 'jsonl';
	delimiter: Delimiter;
	bytes: number;
	/** Whether the bulk checks can read it line by line. */
	bulk: boolean;
}

export async function stageReports(
	conn: DuckDBConnection,
	inDir: string,
	files: readonly string[],
	lives: ReadonlyMap<string, UnitLife>,
	progress: (message: string) => void,
	asOfDay = todayDay(),
	batchBytes = BATCH_BYTES,
	/** Where rejects go as they come; without it, they are returned. */
	log?: RejectSink,
): Promise<Staged> {
	const spans = new Map<string, UnitSpan>([...lives.values()].map((l) => [l.unit_id, [l.unit_id, l.opened_on, l.closed_on]]));
	const context: ReportContext = { spans, asOfDay };
	const scratch = mkdtempSync(join(tmpdir(), 'ips-stage-'));
	const accepted = new TsvFile(join(scratch, 'rows.tsv'));
	try {
		const plans = files.map((file, idx) => planFile(inDir, file, idx));
		const pieces = plans.filter((p) => p.bulk).flatMap((plan) => inPieces(plan, scratch, batchBytes));
		const collected: Reject[] = [];
		const staged = await stageInto(conn, inDir, plans, pieces, context, { rows: 0, accepted, rejects: log ?? collected }, progress, batchBytes);
		return { ...staged, rejects: collected };
	} finally {
		accepted.close();
		rmSync(scratch, { recursive: true, force: true });
	}
}

async function stageInto(
	conn: DuckDBConnection,
	inDir: string,
	plans: FilePlan[],
	pieces: Piece[],
	context: ReportContext,
	validated: Validated<TsvFile, RejectSink>,
	progress: (message: string) => void,
	batchBytes: number,
): Promise<Omit<Staged, 'rejects'>> {
	const batches = inBatches(pieces, batchBytes);
	if (batches.length) await prepareBulk(conn, context);
	for (const [i, batch] of batches.entries()) {
		progress(`checking ${batch.length} report files in bulk${batches.length > 1 ? ` (batch ${i + 1} of ${batches.length})` : ''}`);
		await checkInBulk(conn, batch);
		// The first batch's table becomes report_rows as it is; a copy of a million rows costs a fifth of a second.
		await conn.run(i === 0 ? 'ALTER TABLE report_checked RENAME TO report_rows' : 'INSERT INTO report_rows BY NAME FROM report_checked; DROP TABLE report_checked');
	}
	let flagged = 0;
	if (batches.length === 0) {
		await conn.run(`CREATE OR REPLACE TABLE report_rows (${Object.entries(REPORT_ROW_COLUMNS).map(([name, type]) => `${name} ${type}`).join(', ')})`);
	} else {
		validated.rows = Number((await conn.runAndReadAll('SELECT count(*) FROM report_rows')).getRowsJS()[0]![0]);
		flagged = await validateFlagged(conn, plans, context, validated);
	}
	const rowByRow = plans.filter((p) => !p.bulk);
	for (const plan of rowByRow) {
		progress(`reading ${plan.file} row by row`);
		validateReportFile(inDir, plan.file, plan.idx, context, validated);
	}
	await loadValidated(conn, validated.accepted);
	return { rows: validated.rows, flagged, filesReadRowByRow: rowByRow.length };
}

/** Valid rows as tab-separated lines in a file, written in blocks of a few megabytes. */
class TsvFile {
	readonly path: string;
	lines = 0;
	#fd: number | null;
	#parts: string[] = [];
	#size = 0;

	constructor(path: string) {
		this.path = path;
		this.#fd = openSync(path, 'w');
	}

	push(fileIdx: number, lineNumber: number, report: Report) {
		const line = tsvLine(fileIdx, lineNumber, report);
		this.#parts.push(line);
		this.#size += line.length;
		this.lines++;
		if (this.#size >= 1024 * 1024) this.flush();
	}

	flush() {
		if (this.#parts.length && this.#fd !== null) writeSync(this.#fd, this.#parts.join(''));
		this.#parts = [];
		this.#size = 0;
	}

	close() {
		if (this.#fd === null) return;
		this.flush();
		closeSync(this.#fd);
		this.#fd = null;
	}
}

/** The columns of report_rows: what every accepted row carries into resolve_reports.sql. */
const REPORT_ROW_COLUMNS = {
	...Object.fromEntries(Object.entries(STAGED_COLUMNS).filter(([name]) => name !== 'week_day' && name !== 'submitted_ms')),
	week: 'DATE',
	submitted_at: 'DOUBLE',
} as const;

/**
 * The bulk files go in batches of about this much input, a large file in
 * pieces of at most this much: DuckDB holds a batch's text in memory several
 * times over while it checks it, so memory stays bounded however many files
 * come and however large they are.
 */
const BATCH_BYTES = 64 * 1024 * 1024;

/** A bulk file, or a piece of a large one, with the line it starts on. */
interface Piece {
	plan: FilePlan;
	path: string;
	firstLine: number;
	bytes: number;
}

/** A bulk file as it is, or a large one cut at line ends into pieces in `scratch`. */
function inPieces(plan: FilePlan, scratch: string, maxBytes: number): Piece[] {
	if (plan.bytes <= maxBytes) return [{ plan, path: plan.path, firstLine: 1, bytes: plan.bytes }];
	const pieces: Piece[] = [];
	for (const { bytes, firstLine } of linePieces(plan.path, Math.floor(maxBytes / 2))) {
		const path = join(scratch, `${plan.idx}-${pieces.length}${extname(plan.file)}`);
		writeFileSync(path, bytes);
		pieces.push({ plan, path, firstLine, bytes: bytes.length });
	}
	return pieces;
}

function inBatches(pieces: readonly Piece[], maxBytes: number): Piece[][] {
	const batches: Piece[][] = [];
	let bytes = Infinity;
	for (const piece of pieces) {
		if (bytes + piece.bytes > maxBytes) {
			batches.push([]);
			bytes = 0;
		}
		batches.at(-1)!.push(piece);
		bytes += piece.bytes;
	}
	return batches;
}

function planFile(inDir: string, file: string, idx: number): FilePlan {
	const path = join(inDir, file);
	// Read through once in blocks: UTF-8 checked, the header and whether any value is quoted kept.
	const scan = scanText(path, file);
	if (extname(file).toLowerCase() !== '.csv') return { idx, file, path, format: 'jsonl', delimiter: ',', bytes: scan.bytes, bulk: true };
	const { delimiter, header } = readCsvHeader(scan.firstLine, file, REPORT_COLUMNS);
	const contractOrder = header.every((name, i) => name === REPORT_COLUMNS[i]);
	return { idx, file, path, format: 'csv', delimiter, bytes: scan.bytes, bulk: contractOrder && !scan.quotes };
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const values = (rows: string[][]) => rows.map((r) => `(${r.join(', ')})`).join(', ');

/** What every batch of bulk checks reads: the units' spans, the plain-form patterns, the table of flagged lines. */
async function prepareBulk(conn: DuckDBConnection, { spans, asOfDay }: ReportContext) {
	await conn.run(`CREATE OR REPLACE TEMP TABLE report_flagged (file_idx INTEGER, line INTEGER, text VARCHAR)`);
	await conn.run(`CREATE OR REPLACE TEMP TABLE unit_spans (unit_id VARCHAR, opened_on DATE, closed_on DATE)`);
	if (spans.size) {
		const day = (d: number | null) => (d === null ? 'NULL' : `DATE '1970-01-01' + ${d}`);
		await conn.run(`INSERT INTO unit_spans VALUES ${values([...spans.values()].map(([id, opened, closed]) => [quote(id), day(opened), day(closed)]))}`);
	}
	for (const [name, pattern] of Object.entries(PLAIN_FORM_VARIABLES)) await conn.run(`SET VARIABLE ${name} = ${quote(pattern)}`);
	await conn.run(`SET VARIABLE as_of = DATE '1970-01-01' + ${Math.trunc(asOfDay)}`);
}

/** One batch of files and pieces through stage_reports.sql, into report_checked and report_flagged. */
async function checkInBulk(conn: DuckDBConnection, pieces: readonly Piece[]) {
	await conn.run(`CREATE OR REPLACE TEMP TABLE report_files (file_idx INTEGER, path VARCHAR, format VARCHAR, delimiter VARCHAR, first_line INTEGER)`);
	await conn.run(
		`INSERT INTO report_files VALUES ${values(pieces.map((p) => [String(p.plan.idx), quote(p.path), quote(p.plan.format), quote(p.plan.delimiter), String(p.firstLine)]))}`,
	);
	await conn.run(`SET VARIABLE report_paths = [${pieces.map((p) => quote(p.path)).join(', ')}]`);
	await conn.run(sqlFile('stage_reports'));
}

/**
 * The lines the bulk checks flagged, through the row-by-row validator, a
 * page at a time: a file whose every line is flagged (timestamps with an
 * offset, say) must not be held in memory whole. Each page is a query of its
 * own, read whole before the validator runs: the rejects it writes go to the
 * same connection, which would end a result still being streamed. Returns
 * how many lines there were.
 */
async function validateFlagged(conn: DuckDBConnection, plans: readonly FilePlan[], context: ReportContext, into: Validated<TsvFile, RejectSink>) {
	const known = new Set<string>(REPORT_COLUMNS);
	let count = 0;
	for (let after = [-1, -1]; ; ) {
		const page = (
			await conn.runAndReadAll(
				`SELECT file_idx, line, text FROM report_flagged WHERE (file_idx, line) > ($1, $2) ORDER BY file_idx, line LIMIT ${FLAGGED_PAGE}`,
				after,
			)
		).getRowsJS() as [number, number, string][];
		for (const [fileIdx, line, text] of page) {
			const plan = plans[fileIdx]!;
			// A bulk CSV file has no quotes: its line is its record, split at each delimiter.
			const row = plan.format === 'csv' ? csvRow({ line, cells: text.split(plan.delimiter) }, REPORT_COLUMNS, plan.delimiter) : jsonLineRow(text, line, known);
			if (row === null) continue;
			into.rows++;
			if ('rule' in row) into.rejects.push(fromUnreadable(plan.file, row));
			else validateReportRow(row, plan.file, fileIdx, decimalOf(plan.delimiter), context, into);
		}
		count += page.length;
		if (page.length < FLAGGED_PAGE) break;
		after = page.at(-1)!.slice(0, 2) as [number, number];
	}
	await conn.run('DROP TABLE report_flagged');
	return count;
}

const FLAGGED_PAGE = 50_000;

/** Rows the row-by-row validator accepted, into report_rows. */
async function loadValidated(conn: DuckDBConnection, tsv: TsvFile) {
	tsv.close();
	if (tsv.lines === 0) return;
	await conn.run(`
		INSERT INTO report_rows BY NAME
		${stagedRowsSql(tsv.path)}`);
}

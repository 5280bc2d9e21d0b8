/**
 * The revision and conflict rules on the reader's accepted rows: the
 * pipeline's own SQL (pipelines/sql/resolve_reports.sql) on DuckDB-wasm in
 * this tab. The rows are handed to the engine as Arrow columns; nothing is sent.
 */
import { DateDay, makeData, makeVector, Table, Utf8, type Vector } from 'apache-arrow';
import { database } from '$lib/db/browser';
import type { Reject } from '../../../pipelines/rejects.ts';
import { REVISION_REJECTS_SQL, revisionReject } from '../../../pipelines/revisions.ts';
import resolveReports from '../../../pipelines/sql/resolve_reports.sql?raw';
import { REPORT_ROWS_RENAMED, STAGED_COLUMNS } from '../../../pipelines/stage/validateRow.ts';
import type { StagedColumns } from './columns';

export interface Revisions {
	/** Rows the rules reject: a report_id used again, conflicting submissions. */
	rejects: Reject[];
	/** Accepted rows that a later submission for the same unit, specialist and week replaced. */
	replaced: number;
	/** Accepted rows that repeat another exactly. */
	duplicates: number;
	/** What would be published: one report per unit, specialist and week. */
	published: number;
}

/** Runs the rules on the accepted rows (as each worker gathered them), but those of the files left out; `files` names the report files by index. */
export async function revisionRules(staged: readonly StagedColumns[], leftOut: readonly number[], files: readonly string[]): Promise<Revisions> {
	const parts = staged.filter((columns) => columns.length > 0);
	if (parts.length === 0) return { rejects: [], replaced: 0, duplicates: 0, published: 0 };
	const db = await database();
	// Every worker's rows in one table of as many record batches: report_rows as DuckDB-wasm takes it, with no copy in SQL.
	await db.insertTable('report_rows', new Table(parts.flatMap((columns) => reportRows(columns).batches)));
	if (leftOut.length) await db.run(`DELETE FROM report_rows WHERE file_idx IN (${leftOut.join(', ')})`);
	await db.run(resolveReports);
	// The script keeps insertion order on its way out; the site's queries order their own results.
	await db.run('SET preserve_insertion_order = false');
	const problems = await db.query<Record<string, unknown>>(REVISION_REJECTS_SQL);
	const [counts] = await db.query<{ replaced: number; duplicates: number; published: number }>('SELECT replaced, duplicates, published FROM revision_counts');
	return {
		rejects: problems.map((row) => revisionReject(files, [row.file_idx, row.line, row.column_name, row.rule, row.report_id, row.submitted_at])),
		replaced: Number(counts?.replaced ?? 0),
		duplicates: Number(counts?.duplicates ?? 0),
		published: Number(counts?.published ?? 0),
	};
}

/**
 * The columns as report_rows holds them (what stagedRowsFrom selects in the
 * pipeline), their arrays taken as they are: Arrow stores a DATE as the day
 * number the workers wrote.
 */
function reportRows(columns: StagedColumns): Table {
	const vector = (name: string): Vector => {
		if (name === 'week_day') return makeVector(makeData({ type: new DateDay(), length: columns.length, nullCount: 0, data: columns.integers.week_day }));
		if (name in columns.integers) return makeVector(columns.integers[name as keyof StagedColumns['integers']]);
		if (name in columns.doubles) return makeVector(columns.doubles[name as keyof StagedColumns['doubles']]);
		const text = columns.strings[name as keyof StagedColumns['strings']];
		return makeVector(makeData({ type: new Utf8(), length: columns.length, nullCount: 0, valueOffsets: text.offsets, data: text.bytes }));
	};
	const renamed: Record<string, string> = REPORT_ROWS_RENAMED;
	return new Table(Object.fromEntries(Object.keys(STAGED_COLUMNS).map((name) => [renamed[name] ?? name, vector(name)])));
}

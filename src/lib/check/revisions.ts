/**
 * The revision and conflict rules on the reader's accepted rows: the
 * pipeline's own SQL (pipelines/sql/resolve_reports.sql) on DuckDB-wasm in
 * this tab. The rows are handed to the engine as text; nothing is sent.
 */
import { database } from '$lib/db/browser';
import type { Reject } from '../../../pipelines/rejects.ts';
import { REVISION_REJECTS_SQL, revisionReject } from '../../../pipelines/revisions.ts';
import resolveReports from '../../../pipelines/sql/resolve_reports.sql?raw';
import { stagedRowsSql } from '../../../pipelines/stage/validateRow.ts';

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

const OWN_ROWS = 'own_reports.tsv';

/** Runs the rules on the accepted rows (tab-separated UTF-8, as the worker staged them); `files` names the report files by index. */
export async function revisionRules(acceptedTsv: Uint8Array, files: readonly string[]): Promise<Revisions> {
	if (acceptedTsv.length === 0) return { rejects: [], replaced: 0, duplicates: 0, published: 0 };
	const db = await database();
	await db.registerBytes(OWN_ROWS, acceptedTsv);
	await db.run(`CREATE OR REPLACE TABLE report_rows AS ${stagedRowsSql(OWN_ROWS)}`);
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

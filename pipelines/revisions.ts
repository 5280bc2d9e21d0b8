/**
 * The revision and conflict rules' rejects (sql/resolve_reports.sql decides
 * them): read back the same way by the pipeline (./run.ts, DuckDB in Node)
 * and by the browser's check (src/lib/check, DuckDB-wasm). No engine here:
 * each runs the query on its own and hands the rows in.
 */
import { reject, type Reject } from './rejects.ts';
import type { Rule } from './schema/index.ts';

/** The rows that report_problems rejected, with what the rejects report shows of each. */
export const REVISION_REJECTS_SQL = `
SELECT p.file_idx, p.line, p.column_name, p.rule, d.report_id, d.submitted_at
FROM report_problems p JOIN report_distinct d USING (file_idx, line)
ORDER BY p.file_idx, p.line, p.rule`;

/** A row of REVISION_REJECTS_SQL as a reject; `files` names the files by their index. */
export function revisionReject(files: readonly string[], [fileIdx, line, column, rule, reportId, submittedAt]: readonly unknown[]): Reject {
	return reject(
		files[Number(fileIdx)]!,
		Number(line),
		String(column),
		column === 'report_id' ? String(reportId) : new Date(Number(submittedAt)).toISOString(),
		rule as Rule,
	);
}

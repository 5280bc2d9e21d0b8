/**
 * Validates one weekly report file, row by row, and renders the valid rows as
 * tab-separated lines for DuckDB to load. Runs in a worker thread on large runs.
 */
import { join } from 'node:path';
import { readTable } from '../read/table.ts';
import { fromIssues, fromUnreadable, reject, type Reject } from '../rejects.ts';
import { REPORT_COLUMNS, REPORT_COUNTS, reportSchema, reportSchemaDecimalComma } from '../schema/index.ts';

/** When each unit was open: [unit_id, opened_on, closed_on or null], day numbers. */
export type UnitSpan = readonly [string, number, number | null];

/** The staged columns, in the order of each tab-separated line. */
export const STAGED_COLUMNS = {
	file_idx: 'INTEGER',
	line: 'INTEGER',
	report_id: 'VARCHAR',
	unit_id: 'VARCHAR',
	specialist_id: 'VARCHAR',
	week_day: 'INTEGER',
	submitted_ms: 'DOUBLE',
	fte: 'DOUBLE',
	...Object.fromEntries(REPORT_COUNTS.map((c) => [c, 'INTEGER'])),
} as const;

export interface ValidatedFile {
	/** Data rows in the file, readable or not. */
	rows: number;
	/** Valid rows as tab-separated lines (ids cannot hold a tab). */
	tsv: string;
	rejects: Reject[];
}

export function validateReportFile(inDir: string, file: string, fileIdx: number, spans: ReadonlyMap<string, UnitSpan>): ValidatedFile {
	const table = readTable(join(inDir, file), file, REPORT_COLUMNS);
	const rejects: Reject[] = [];
	const schema = table.decimal === ',' ? reportSchemaDecimalComma : reportSchema;
	const lines: string[] = [];
	for (const row of table.rows) {
		const parsed = schema.safeParse(row.cells);
		if (!parsed.success) {
			rejects.push(...fromIssues(file, row.line, row.cells, parsed.error.issues));
			continue;
		}
		const r = parsed.data;
		const span = spans.get(r.unit_id);
		if (!span) rejects.push(reject(file, row.line, 'unit_id', r.unit_id, 'unit_unknown'));
		else if (!(span[1] < r.week + 7 && (span[2] === null || span[2] > r.week))) {
			rejects.push(reject(file, row.line, 'week', row.cells.week, 'unit_not_open'));
		} else {
			lines.push(
				`${fileIdx}\t${row.line}\t${r.report_id}\t${r.unit_id}\t${r.specialist_id}\t${r.week}\t${r.submitted_at}\t${r.fte}` +
				`\t${r.caseload}\t${r.caseload_young}\t${r.referrals}\t${r.waitlist}\t${r.enrolled}\t${r.wait_days}` +
				`\t${r.employer_contacts}\t${r.job_starts}\t${r.employed}\t${r.education_starts}\t${r.in_education}\t${r.exits}\n`,
			);
		}
	}
	rejects.push(...table.unreadable.map((row) => fromUnreadable(file, row)));
	return { rows: table.count, tsv: lines.join(''), rejects };
}

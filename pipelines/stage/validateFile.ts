/**
 * The row-by-row validator: the whole contract, in zod, with a worded reject
 * for every rule a row breaks. It reads the files the bulk checks cannot
 * take (quoted CSV, columns in another order) and the lines they flag, and
 * renders the rows it accepts as tab-separated lines for DuckDB to load.
 */
import { join } from 'node:path';
import type { Row } from '../read/table.ts';
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

/** What the validator made of some rows. */
export interface Validated {
	/** Rows seen, readable or not. */
	rows: number;
	/** Valid rows as tab-separated lines (ids cannot hold a tab). */
	tsv: string[];
	rejects: Reject[];
}

export const emptyValidated = (): Validated => ({ rows: 0, tsv: [], rejects: [] });

/** Validates one row of a report file into `into`. */
export function validateReportRow(
	row: Row,
	file: string,
	fileIdx: number,
	decimal: '.' | ',',
	spans: ReadonlyMap<string, UnitSpan>,
	into: Validated,
): void {
	const parsed = (decimal === ',' ? reportSchemaDecimalComma : reportSchema).safeParse(row.cells);
	if (!parsed.success) {
		into.rejects.push(...fromIssues(file, row.line, row.cells, parsed.error.issues));
		return;
	}
	const r = parsed.data;
	const span = spans.get(r.unit_id);
	if (!span) into.rejects.push(reject(file, row.line, 'unit_id', r.unit_id, 'unit_unknown'));
	else if (!(span[1] < r.week + 7 && (span[2] === null || span[2] > r.week))) {
		into.rejects.push(reject(file, row.line, 'week', row.cells.week, 'unit_not_open'));
	} else {
		into.tsv.push(
			`${fileIdx}\t${row.line}\t${r.report_id}\t${r.unit_id}\t${r.specialist_id}\t${r.week}\t${r.submitted_at}\t${r.fte}` +
				`\t${r.caseload}\t${r.caseload_young}\t${r.referrals}\t${r.waitlist}\t${r.enrolled}\t${r.wait_days}` +
				`\t${r.employer_contacts}\t${r.job_starts}\t${r.employed}\t${r.education_starts}\t${r.in_education}\t${r.exits}\n`,
		);
	}
}

/** Validates a whole report file, row by row, into `into`. */
export function validateReportFile(inDir: string, file: string, fileIdx: number, spans: ReadonlyMap<string, UnitSpan>, into: Validated): void {
	const table = readTable(join(inDir, file), file, REPORT_COLUMNS);
	for (const row of table.rows) validateReportRow(row, file, fileIdx, table.decimal, spans, into);
	into.rejects.push(...table.unreadable.map((row) => fromUnreadable(file, row)));
	into.rows += table.count;
}

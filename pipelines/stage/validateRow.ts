/**
 * The row-by-row validator: the whole contract, in zod, with a worded reject
 * for every rule a row breaks, rendering the rows it accepts as tab-separated
 * lines for DuckDB to load (the browser's check takes them as columns). The pipeline runs it on the files the bulk
 * checks cannot take and the lines they flag (./validateFile.ts,
 * ./index.ts); the browser's check runs it on every line (src/lib/check).
 * No file system here: it runs in both.
 */
import type { Row } from '../read/table.ts';
import { fromIssues, reject, type Reject } from '../rejects.ts';
import { REPORT_COUNTS, reportSchema, reportSchemaDecimalComma, type Report } from '../schema/index.ts';
import { parseIsoDate } from '../schema/time.ts';

/** When each unit was open: [unit_id, opened_on, closed_on or null], day numbers. */
export type UnitSpan = readonly [string, number, number | null];

/** What a report is checked against besides its own values: when each unit was open, and the run's reference date. */
export interface ReportContext {
	spans: ReadonlyMap<string, UnitSpan>;
	/** The run's reference date (--as-of, default today) as a day number: nothing after it is accepted. */
	asOfDay: number;
}

const DAY_MS = 86_400_000;

/** The calendar date a timestamp is written with, in its own offset: 2024-01-29T00:30+01:00 is on the 29th. */
const writtenDay = (text: string | undefined) => parseIsoDate((text ?? '').trim().slice(0, 10));

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

/**
 * The staged rows of a tab-separated file as report_rows holds them (the
 * input of sql/resolve_reports.sql): in the pipeline (./index.ts) and in the
 * browser's check, which runs the same revision rules on DuckDB-wasm.
 */
export function stagedRowsSql(path: string): string {
	const columns = Object.entries(STAGED_COLUMNS)
		.map(([name, type]) => `'${name}': '${type}'`)
		.join(', ');
	return stagedRowsFrom(`read_csv('${path.replaceAll("'", "''")}', delim = '\t', header = false, quote = '', escape = '', auto_detect = false, columns = {${columns}})`);
}

/** The staged columns that report_rows holds under another name: the week's day number as a DATE, the submission's milliseconds as they are. */
export const REPORT_ROWS_RENAMED = { week_day: 'week', submitted_ms: 'submitted_at' } as const;

/** Staged rows of the columns of STAGED_COLUMNS (a file read, a table) as report_rows holds them. */
export const stagedRowsFrom = (source: string) => `SELECT * EXCLUDE (week_day, submitted_ms),
			DATE '1970-01-01' + week_day AS ${REPORT_ROWS_RENAMED.week_day},
			submitted_ms AS ${REPORT_ROWS_RENAMED.submitted_ms}
		FROM ${source}`;

/**
 * Where valid rows go: lines in memory in tests, a file on disk in a run
 * (./index.ts), so that memory stays bounded; columns in the browser.
 */
export interface RowSink {
	push(fileIdx: number, line: number, report: Report): unknown;
}

/** A valid row as a tab-separated line of STAGED_COLUMNS (ids cannot hold a tab). */
export const tsvLine = (fileIdx: number, line: number, r: Report) =>
	`${fileIdx}\t${line}\t${r.report_id}\t${r.unit_id}\t${r.specialist_id}\t${r.week}\t${r.submitted_at}\t${r.fte}` +
	`\t${r.caseload}\t${r.caseload_young}\t${r.referrals}\t${r.waitlist}\t${r.enrolled}\t${r.wait_days}` +
	`\t${r.employer_contacts}\t${r.job_starts}\t${r.employed}\t${r.education_starts}\t${r.in_education}\t${r.exits}\n`;

/** Valid rows as tab-separated lines, in memory. */
export class TsvLines implements RowSink {
	lines: string[] = [];
	push(fileIdx: number, line: number, report: Report) {
		this.lines.push(tsvLine(fileIdx, line, report));
	}
}

/** Where rejects go: an array, or the run's log (pipelines/rejectLog.ts), which writes them to disk as they come. */
export interface RejectSink {
	push(...rejects: Reject[]): unknown;
}

/** What the validator made of some rows. */
export interface Validated<Sink extends RowSink = TsvLines, Rejects extends RejectSink = Reject[]> {
	/** Rows seen, readable or not. */
	rows: number;
	/** Valid rows. */
	accepted: Sink;
	rejects: Rejects;
}

export const emptyValidated = (): Validated => ({ rows: 0, accepted: new TsvLines(), rejects: [] });

/** Validates one row of a report file into `into`. */
export function validateReportRow(
	row: Row,
	file: string,
	fileIdx: number,
	decimal: '.' | ',',
	context: ReportContext,
	into: Validated<RowSink, RejectSink>,
): void {
	const parsed = (decimal === ',' ? reportSchemaDecimalComma : reportSchema).safeParse(row.cells);
	if (!parsed.success) {
		into.rejects.push(...fromIssues(file, row.line, row.cells, parsed.error.issues));
		return;
	}
	const r = parsed.data;
	const span = context.spans.get(r.unit_id);
	const submittedDay = writtenDay(row.cells.submitted_at);
	if (r.week > context.asOfDay) into.rejects.push(reject(file, row.line, 'week', row.cells.week, 'in_future'));
	// More than a day after the reference date: a day's slack for time zones and clocks.
	else if (r.submitted_at >= (context.asOfDay + 2) * DAY_MS) into.rejects.push(reject(file, row.line, 'submitted_at', row.cells.submitted_at, 'in_future'));
	else if (submittedDay !== undefined && r.week > submittedDay) into.rejects.push(reject(file, row.line, 'week', row.cells.week, 'week_after_submission'));
	else if (!span) into.rejects.push(reject(file, row.line, 'unit_id', r.unit_id, 'unit_unknown'));
	else if (!(span[1] < r.week + 7 && (span[2] === null || span[2] > r.week))) {
		into.rejects.push(reject(file, row.line, 'week', row.cells.week, 'unit_not_open'));
	} else {
		into.accepted.push(fileIdx, row.line, r);
	}
}

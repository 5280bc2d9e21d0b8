/** A whole report file on disk through the row-by-row validator (./validateRow.ts). */
import { join } from 'node:path';
import { readTable } from '../read/file.ts';
import { fromUnreadable } from '../rejects.ts';
import { REPORT_COLUMNS } from '../schema/index.ts';
import { validateReportRow, type ReportContext, type RejectSink, type RowSink, type Validated } from './validateRow.ts';

/** Validates a whole report file, row by row, into `into`. */
export function validateReportFile(inDir: string, file: string, fileIdx: number, context: ReportContext, into: Validated<RowSink, RejectSink>): void {
	const table = readTable(join(inDir, file), file, REPORT_COLUMNS);
	for (const row of table.rows) validateReportRow(row, file, fileIdx, table.decimal, context, into);
	// One by one: a file of a hundred thousand unreadable lines passed as arguments at once overflows the stack.
	for (const row of table.unreadable) into.rejects.push(fromUnreadable(file, row));
	into.rows += table.count;
}

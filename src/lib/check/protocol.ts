/**
 * What the check page and its workers (./check.worker.ts) say to each other,
 * and what is refused before a file is read at all.
 */
import type { Reject } from '../../../pipelines/rejects.ts';
import type { UnitSpan } from '../../../pipelines/stage/validateRow.ts';
import type { StagedColumns } from './columns';

/** The pipeline's default reference date, for the page to send with the files. */
export { todayDay } from '../../../pipelines/schema/time.ts';

/**
 * The largest file the check reads: about 2.5 million report rows. The
 * tab holds the accepted rows while it works, so a larger file is refused
 * with this limit named rather than risk the tab.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** What the page asks of each worker (./parts.ts). */
export interface CheckRequest {
	files: File[];
	/** The reference date as a day number (days since 1970-01-01): nothing after it is accepted, as in the pipeline's --as-of. */
	asOfDay: number;
	/** When each unit was open, from the published data (the reader's own units.csv and unit_events.csv take their place). */
	spans: UnitSpan[];
	/** The reference areas' region and municipality codes, for units.csv and unit_events.csv. */
	regions: string[];
	areas: string[];
	/** Which worker this is, of how many (./shares.ts). */
	part: number;
	parts: number;
}

/** Lines read, accepted and rejected: what the page shows as the check goes. */
export interface LineCounts {
	rows: number;
	accepted: number;
	rejectedRows: number;
}

/** The counts of several files or parts together. */
export function countsOf(parts: Iterable<LineCounts>): LineCounts {
	const counts = { rows: 0, accepted: 0, rejectedRows: 0 };
	for (const part of parts) {
		counts.rows += part.rows;
		counts.accepted += part.accepted;
		counts.rejectedRows += part.rejectedRows;
	}
	return counts;
}

/** What one report file gave one worker, by its index among the report files. */
export interface FileResult extends LineCounts {
	file: number;
	rejects: Reject[];
	/** Why the file could not be read (not UTF-8, its header): then it is left out whole. */
	error?: string;
}

/** What a worker's part of the check gives (./part.ts). */
export interface PartResult {
	/** The rejects of the reader's units.csv and unit_events.csv (every part finds the same; part 0's are kept). */
	unitRejects: Reject[];
	results: FileResult[];
	/** The accepted rows as the pipeline stages them, in columns (./columns.ts). */
	staged: StagedColumns;
	/** The report files by index, as the staged rows name them. */
	reportFiles: string[];
}

type FileError = { type: 'file_error'; file: string; problem: FileProblem; limit?: number; message?: string };
type Progress = { type: 'progress'; file: string; bytes: number; totalBytes: number } & LineCounts;

/** What a worker tells the page. */
export type PartMessage = (Progress & { part: number }) | FileError | ({ type: 'done' } & PartResult) | { type: 'failed'; message: string };

/** Why a file is refused before it is read. */
export type FileProblem = 'xlsx' | 'empty' | 'too_large' | 'not_a_table' | 'unreadable' | 'pair';

/** What the page hears of the check, its workers' parts put together (./parts.ts). */
export type CheckMessage =
	| Progress
	| FileError
	| (LineCounts & {
			type: 'done';
			/** In the order of the pipeline's rejects report. */
			rejects: Reject[];
			/** The accepted rows, each worker's as it staged them (PartResult). */
			staged: StagedColumns[];
			/** Report files left out whole (by index), whose rows are in `staged` all the same. */
			leftOut: number[];
			reportFiles: string[];
	  })
	| { type: 'failed'; message: string };

/** A file refused by its name or size alone: a spreadsheet, an empty file, one over the limit, one of another kind. */
export function fileProblem(name: string, size: number): FileProblem | null {
	const lower = name.toLowerCase();
	if (lower.endsWith('.xlsx') || lower.endsWith('.xls') || lower.endsWith('.ods')) return 'xlsx';
	if (!/\.(csv|jsonl|ndjson)$/.test(lower)) return 'not_a_table';
	if (size === 0) return 'empty';
	if (size > MAX_FILE_BYTES) return 'too_large';
	return null;
}

/**
 * What the check page and its worker (./check.worker.ts) say to each other,
 * and what is refused before a file is read at all.
 */
import type { Reject } from '../../../pipelines/rejects.ts';
import type { UnitSpan } from '../../../pipelines/stage/validateRow.ts';

/** The pipeline's default reference date, for the page to send with the files. */
export { todayDay } from '../../../pipelines/schema/time.ts';

/**
 * The largest file the check reads: about 2.5 million report rows. The
 * tab holds the accepted rows while it works, so a larger file is refused
 * with this limit named rather than risk the tab.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface CheckRequest {
	files: File[];
	/** The reference date as a day number (days since 1970-01-01): nothing after it is accepted, as in the pipeline's --as-of. */
	asOfDay: number;
	/** When each unit was open, from the published data (the reader's own units.csv and unit_events.csv take their place). */
	spans: UnitSpan[];
	/** The reference areas' region and municipality codes, for units.csv and unit_events.csv. */
	regions: string[];
	areas: string[];
}

/** Why a file is refused before it is read. */
export type FileProblem = 'xlsx' | 'empty' | 'too_large' | 'not_a_table' | 'unreadable' | 'pair';

export type CheckMessage =
	| { type: 'progress'; file: string; bytes: number; totalBytes: number; rows: number; accepted: number; rejectedRows: number }
	| { type: 'file_error'; file: string; problem: FileProblem; limit?: number; message?: string }
	| {
			type: 'done';
			rows: number;
			accepted: number;
			rejectedRows: number;
			/** In the order of the pipeline's rejects report. */
			rejects: Reject[];
			/** The accepted rows as the pipeline stages them: tab-separated UTF-8, one per line (pipelines/stage/validateRow.ts STAGED_COLUMNS). */
			acceptedTsv: Uint8Array;
			/** The report files by index, as the staged rows name them. */
			reportFiles: string[];
	  }
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

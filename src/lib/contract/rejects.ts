/**
 * The rejects report's columns (npm run data --rejects, and the check page's
 * download): published names that people's scripts read, kept exactly.
 */
export const REJECT_COLUMNS = ['file', 'line', 'column', 'value', 'rule', 'message'] as const;

/** The published summary: counts by file, rule and column, with no value of any line (a bad line may hold a pseudonym). */
export const REJECTS_SUMMARY_COLUMNS = ['file', 'rule', 'column', 'problems'] as const;

/** One problem with one row, as the report writes it. */
export interface RejectRecord {
	file: string;
	line: number;
	column: string;
	value: string;
	rule: string;
	message: string;
}

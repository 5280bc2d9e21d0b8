/**
 * A reject is one problem with one row: where it is (file, line, column), what
 * was there (value) and which rule it broke. A row can have several problems;
 * it is rejected once.
 */
import type { z } from 'zod';
import type { RejectRecord } from '../src/lib/contract/rejects.ts';
import type { Cells, UnreadableRow } from './read/table.ts';
import { isRule, looksLikePersonalNumber, RULES, type Rule } from './schema/index.ts';

export interface Reject extends RejectRecord {
	rule: Rule;
}

const MAX_VALUE_LENGTH = 120;

/**
 * The value as the rejects report may show it: cut to a readable length, and
 * never a personal identity number, whichever column it was found in.
 */
export function shownValue(value: string | undefined): string {
	if (value === undefined) return '';
	if (looksLikePersonalNumber(value)) return '[redacted: looks like a personal identity number]';
	return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}… (${value.length} characters)` : value;
}

export function reject(file: string, line: number, column: string, value: string | undefined, rule: Rule, detail = ''): Reject {
	return { file, line, column, value: shownValue(value), rule, message: detail ? `${RULES[rule]}: ${detail}` : RULES[rule] };
}

export function fromIssues(file: string, line: number, cells: Cells, issues: readonly z.core.$ZodIssue[]): Reject[] {
	return issues.map((issue) => {
		const column = String(issue.path[0] ?? '');
		const rule: Rule = isRule(issue.message) ? issue.message : 'malformed_row';
		return reject(file, line, column, cells[column], rule, isRule(issue.message) ? '' : issue.message);
	});
}

export const fromUnreadable = (file: string, row: UnreadableRow) =>
	reject(file, row.line, row.column, row.value, row.rule, row.detail);

export { REJECT_COLUMNS, REJECTS_SUMMARY_COLUMNS } from '../src/lib/contract/rejects.ts';

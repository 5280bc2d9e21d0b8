/**
 * The rejects as the check page shows and downloads them: the pipeline's
 * rejects report, column for column (pipelines/rejects.ts), its message in
 * the reader's language (pipelines/schema/rules.ts holds both).
 */
import { REJECT_COLUMNS, toCsv } from '$lib/contract';
import type { Locale } from '$lib/i18n';
import type { Reject } from '../../../pipelines/rejects.ts';
import { RULES, RULES_SV } from '../../../pipelines/schema/rules.ts';

export type ShownReject = Reject;

/** Rejects in the order of the pipeline's report: file, line, column, then as found (the sort is stable). */
export const inReportOrder = <R extends Reject>(rejects: R[]): R[] =>
	rejects.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0)));

/** The rejects CSV, as `npm run data --rejects` writes it. */
export const rejectsCsv = (rejects: readonly Reject[]) => toCsv(REJECT_COLUMNS, rejects.map((r) => REJECT_COLUMNS.map((c) => r[c])));

/** A reject's message in the reader's language: the rule's sentence, and the detail the reader found it with (as written). */
export function ruleMessage(reject: Reject, locale: Locale): string {
	if (locale === 'en') return reject.message;
	const detail = reject.message.startsWith(RULES[reject.rule]) ? reject.message.slice(RULES[reject.rule].length) : '';
	return `${RULES_SV[reject.rule]}${detail}`;
}

/**
 * Realistic bad rows for --faults. Each is a copy of a real report with one
 * thing wrong, and the rule the pipeline must reject it under.
 */
import type { Rule } from '../schema/rules.ts';
import { formatIsoWeek, mondayOf } from '../schema/time.ts';
import type { Random } from './random.ts';

/** A report as it is written to a file: numbers, or text where a fault put text. */
export type ReportRow = Record<string, string | number> & { report_id: string; submitted_ms: number };

export interface Fault {
	rule: Rule;
	/** The bad row to add; for a conflict, the original row is rejected too. */
	row: ReportRow;
	alsoRejectsOriginal?: boolean;
}

const DAY_MS = 86_400_000;

const KINDS = [
	'negative',
	'fte_range',
	'exceeds_caseload',
	'wait_without_enrolment',
	'week_after_submission',
	'personal_identity_number',
	'week_format',
	'timestamp_format',
	'not_integer',
	'missing_value',
	'unit_unknown',
	'conflicting_submission',
] as const satisfies readonly Rule[];

export function makeFault(original: ReportRow, reportId: string, rng: Random): Fault {
	const rule = rng.pick(KINDS);
	const row: ReportRow = { ...original, report_id: reportId };
	switch (rule) {
		case 'negative':
			row.waitlist = -rng.int(1, 5);
			break;
		case 'fte_range':
			row.fte = rng.pick([0, 1.5, 2]);
			break;
		case 'exceeds_caseload':
			row.employed = Number(row.caseload) + rng.int(1, 4);
			break;
		case 'wait_without_enrolment':
			row.enrolled = 0;
			row.wait_days = rng.int(1, 30);
			break;
		case 'week_after_submission':
			row.week = formatIsoWeek(mondayOf(Math.floor(row.submitted_ms / DAY_MS)) + 14);
			break;
		case 'personal_identity_number':
			row.specialist_id = personnummer(`${rng.int(60, 99)}0${rng.int(1, 9)}${rng.int(10, 28)}`, rng.int(100, 999));
			break;
		case 'week_format':
			row.week = `${String(row.week).slice(0, 4)}-W54`;
			break;
		case 'timestamp_format':
			row.submitted_at = `${new Date(row.submitted_ms).getUTCFullYear()}-02-30T10:00:00Z`;
			break;
		case 'not_integer':
			row.caseload = `${row.caseload}.5`;
			break;
		case 'missing_value':
			row.exits = '';
			break;
		case 'unit_unknown':
			row.unit_id = 'U9999';
			break;
		case 'conflicting_submission':
			row.employer_contacts = Number(row.employer_contacts) + 1;
			return { rule, row, alsoRejectsOriginal: true };
	}
	return { rule, row };
}

/** A real-looking personnummer (made up): 19YYMMDD-NNNC, C the Luhn check digit over YYMMDDNNN. */
function personnummer(date: string, serial: number): string {
	const nine = `${date}${serial}`;
	let sum = 0;
	for (let i = 0; i < 9; i++) {
		const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
		sum += d > 9 ? d - 9 : d;
	}
	return `19${date}-${serial}${(10 - (sum % 10)) % 10}`;
}

/**
 * The weekly specialist report (input contract v1). One row per specialist per
 * ISO week.
 */
import { z } from 'zod';
import { count, decimal, id, isoWeek, pseudonym, timestamp } from './fields.ts';
import { REPORT_COUNTS } from '../../src/lib/contract/marts.ts';

/** The twelve counts every report carries, in contract order (defined with the marts that sum them). */
export { REPORT_COUNTS };

export const REPORT_COLUMNS = [
	'report_id',
	'unit_id',
	'specialist_id',
	'week',
	'submitted_at',
	'fte',
	...REPORT_COUNTS,
] as const;

export type ReportCount = (typeof REPORT_COUNTS)[number];

const fte = (separator: '.' | ',') =>
	decimal(separator).refine((value) => value > 0 && value <= 1, { error: 'fte_range' });

const counts = Object.fromEntries(REPORT_COUNTS.map((name) => [name, count])) as Record<
	ReportCount,
	typeof count
>;

const shape = (separator: '.' | ',') =>
	z.object({
		report_id: id,
		unit_id: id,
		specialist_id: pseudonym,
		week: isoWeek,
		submitted_at: timestamp,
		fte: fte(separator),
		...counts,
	});

/**
 * Cross-field rules; each issue names the column a manager should look at.
 * The rules about dates (a week not after its submission's own date, nothing
 * from the future) need the written text and the run's reference date, and
 * live in stage/validateRow.ts.
 */
const crossChecks = (report: z.output<ReturnType<typeof shape>>, ctx: z.RefinementCtx) => {
	for (const part of ['caseload_young', 'employed', 'in_education'] as const) {
		if (report[part] > report.caseload) {
			ctx.addIssue({ code: 'custom', message: 'exceeds_caseload', path: [part] });
		}
	}
	if (report.enrolled === 0 && report.wait_days !== 0) {
		ctx.addIssue({ code: 'custom', message: 'wait_without_enrolment', path: ['wait_days'] });
	}
};

const build = (separator: '.' | ',') => z.compile(shape(separator).superRefine(crossChecks));

/** Reports from `,`-separated CSV and JSON Lines (decimal point). */
export const reportSchema = build('.');
/** Reports from `;`-separated CSV (decimal comma, as Nordic spreadsheets export). */
export const reportSchemaDecimalComma = build(',');

export type Report = z.output<typeof reportSchema>;

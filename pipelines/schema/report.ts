/**
 * The weekly specialist report (input contract v1). One row per specialist per
 * ISO week.
 */
import { z } from 'zod';
import { count, decimal, id, isoWeek, pseudonym, readBoundedInteger, readBy, readDecimalWith, readId, readPseudonym, timestamp } from './fields.ts';
import { parseIsoWeek, parseTimestamp } from './time.ts';
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

const fteInRange = (value: number) => value > 0 && value <= 1;

const fte = (separator: '.' | ',') => decimal(separator).refine(fteInRange, { error: 'fte_range' });

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
type Parsed = z.output<ReturnType<typeof shape>>;

const crossChecks = (report: Parsed, ctx: z.RefinementCtx) => {
	for (const part of ['caseload_young', 'employed', 'in_education'] as const) {
		if (report[part] > report.caseload) {
			ctx.addIssue({ code: 'custom', message: 'exceeds_caseload', path: [part] });
		}
	}
	if (report.enrolled === 0 && report.wait_days !== 0) {
		ctx.addIssue({ code: 'custom', message: 'wait_without_enrolment', path: ['wait_days'] });
	}
};

/** Each column read without zod (./fields.ts), in the order of the shape. */
function readers(separator: '.' | ',') {
	const readFte = readDecimalWith(separator);
	const readCount = readBoundedInteger();
	return {
		report_id: readId,
		unit_id: readId,
		specialist_id: readPseudonym,
		week: readBy(parseIsoWeek),
		submitted_at: readBy(parseTimestamp),
		fte: (text: string | undefined) => {
			const value = readFte(text);
			return value !== undefined && fteInRange(value) ? value : undefined;
		},
		...(Object.fromEntries(REPORT_COUNTS.map((name) => [name, readCount])) as Record<ReportCount, typeof readCount>),
	};
}

/**
 * A valid report row's fast path, installed the way zod provides for it
 * (z.withParser): the row read by the fields' own readers and checked by the
 * same cross-field rules; a row with anything wrong goes to zod's runtime,
 * which words every issue. z.compile built such a path by generating code
 * with `new Function`, which a page's Content-Security-Policy forbids: the
 * browser's check then ran zod's runtime on every row, a third slower.
 */
function fastPath(separator: '.' | ',') {
	const read = readers(separator);
	const columns = Object.keys(read) as (keyof typeof read)[];
	const readFns: ((text: string | undefined) => string | number | undefined)[] = columns.map((column) => read[column]);
	let broken = false;
	const noted = { addIssue: () => (broken = true) } as unknown as z.RefinementCtx;
	return (input: unknown): Parsed | typeof z.INVALID => {
		if (typeof input !== 'object' || input === null) return z.INVALID;
		const cells = input as Record<string, string | undefined>;
		const report: Record<string, string | number> = {};
		for (let i = 0; i < columns.length; i++) {
			const column = columns[i]!;
			const value = readFns[i]!(cells[column]);
			if (value === undefined) return z.INVALID;
			report[column] = value;
		}
		broken = false;
		crossChecks(report as Parsed, noted);
		return broken ? z.INVALID : (report as Parsed);
	};
}

const build = (separator: '.' | ',') => z.withParser(shape(separator).superRefine(crossChecks), fastPath(separator));

/** The schemas without their fast path, for the tests that hold the two to the same answers. */
export const reportRuntimeSchemas = { '.': shape('.').superRefine(crossChecks), ',': shape(',').superRefine(crossChecks) } as const;
export const reportFastPaths = { '.': fastPath('.'), ',': fastPath(',') } as const;

/** Reports from `,`-separated CSV and JSON Lines (decimal point). */
export const reportSchema = build('.');
/** Reports from `;`-separated CSV (decimal comma, as Nordic spreadsheets export). */
export const reportSchemaDecimalComma = build(',');

export type Report = z.output<typeof reportSchema>;

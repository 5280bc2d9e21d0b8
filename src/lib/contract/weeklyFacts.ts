/**
 * The weekly facts, declared once: the columns of unit_week that the
 * measures read, with how a quarter sums them up and how the public profile
 * publishes them. A unit's reports add up to its week in unit_week, and the
 * units of a selection add up to its week; what differs between facts is
 * the quarter and the publication.
 *
 * Everything that lists these facts is written from this list: the facts
 * statements of every grain and profile (src/lib/metrics/facts.ts,
 * publicFacts.ts, their SQL kept in tests/unit/__snapshots__/sql), the unit
 * window (metrics/query.ts), the public cells (pipelines/sql/public_cells.sql
 * and pipelines/public.ts) and their contract (./marts.ts). A new fact is a
 * line here, its column in unit_week, and its protection level if public.
 */
export interface WeeklyFact {
	name: string;
	/**
	 * Over a quarter: `avg`, a level read as its mean over the reported
	 * weeks (staff, a waitlist); `sum`, a flow, or a stock as
	 * participant-weeks (so that a share of stocks weighs each week alike).
	 */
	quarter: 'avg' | 'sum';
	/**
	 * In public_cells: `per_week`, the quarter's sum over its weeks, people
	 * in an average reported week (a cell then reads like a week, whatever
	 * its weeks); `sum`, the quarter's sum.
	 */
	published: 'per_week' | 'sum';
}

export const WEEKLY_FACTS = [
	{ name: 'fte', quarter: 'avg', published: 'per_week' },
	{ name: 'waitlist', quarter: 'avg', published: 'per_week' },
	{ name: 'caseload', quarter: 'sum', published: 'per_week' },
	{ name: 'caseload_young', quarter: 'sum', published: 'per_week' },
	{ name: 'employed', quarter: 'sum', published: 'per_week' },
	{ name: 'in_education', quarter: 'sum', published: 'per_week' },
	{ name: 'wait_days', quarter: 'sum', published: 'sum' },
	{ name: 'enrolled', quarter: 'sum', published: 'sum' },
	{ name: 'referrals', quarter: 'sum', published: 'sum' },
	{ name: 'job_starts', quarter: 'sum', published: 'sum' },
	{ name: 'education_starts', quarter: 'sum', published: 'sum' },
] as const satisfies readonly WeeklyFact[];

export type WeeklyFactName = (typeof WEEKLY_FACTS)[number]['name'];

/**
 * A fact's quarter, from a cell: a mean stays a mean; a stock per week times
 * the cell's weeks is its participant-weeks again, a whole number (rounded:
 * the division and the product may leave 3797.9999999999995 of 3798).
 */
export function fromPublished(fact: WeeklyFact): string {
	if (fact.quarter === 'avg') return fact.name;
	return fact.published === 'per_week' ? `round(${fact.name} * weeks)` : `${fact.name}::DOUBLE`;
}

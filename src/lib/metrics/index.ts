/**
 * The metric registry: every figure and chart on the site reads its label,
 * definition and formula from here, and the Methods page lists them all.
 * Start from a metric's file for its meaning and formula; ./facts.ts says
 * where the facts come from at each grain, ./shared.ts holds the predicates
 * every measure shares, and ./query.ts puts them together.
 */
import { employmentRate } from './employment_rate';
import { ftePer10k } from './fte_per_10k';
import { meanWait } from './mean_wait';
import { municipalitiesServed } from './municipalities_served';
import { peopleWaiting } from './people_waiting';
import { populationServed } from './population_served';
import { reportCompleteness } from './report_completeness';
import type { Metric, MetricRow } from './types';
import { unitsOpen } from './units_open';
import { caseloadPerFte } from './caseload_per_fte';
import { educationRate } from './education_rate';
import { educationStarts } from './education_starts';
import { enrolments } from './enrolments';
import { jobStartsPerFte } from './job_starts_per_fte';
import { referrals } from './referrals';
import { waitlistPerFte } from './waitlist_per_fte';
import { youngShare } from './young_share';

export type { Metric, MetricRow, Reference } from './types';
export { measureColumns, measureOf, measureParams, measureSql, queryMeasures, roundedIn, seriesByMetric, unitEndsSql, unitWindowSql, type MeasureColumns, type MeasureRow } from './query';
export { GRAIN_KEYS, GRAINS, type Grain } from './facts';
export { factsOf, unitCells } from './cells';
export { SHARED_SQL, SHARED_STATEMENTS } from './shared';

/** The overview's key figures, in the order shown. */
export const METRICS = [unitsOpen, municipalitiesServed, populationServed, ftePer10k, peopleWaiting, meanWait, employmentRate] as const satisfies readonly Metric[];

/** Report completeness: in every chart's footnote rather than a chart of its own. */
export const COMPLETENESS = reportCompleteness;

/** Every measure of the registry. */
export const ALL_METRICS: readonly Metric[] = [
	...METRICS,
	COMPLETENESS,
	waitlistPerFte,
	referrals,
	enrolments,
	caseloadPerFte,
	jobStartsPerFte,
	educationStarts,
	educationRate,
	youngShare,
];

export {
	unitsOpen,
	municipalitiesServed,
	populationServed,
	ftePer10k,
	peopleWaiting,
	meanWait,
	employmentRate,
	reportCompleteness,
	waitlistPerFte,
	referrals,
	enrolments,
	caseloadPerFte,
	jobStartsPerFte,
	educationStarts,
	educationRate,
	youngShare,
};

/** The share of reports received over the quarters from `from` on: all reported unit-weeks over all open ones. */
export function completenessFrom(rows: readonly MetricRow[], from: string): number | null {
	const shown = rows.filter((r) => r.quarter >= from);
	const expected = shown.reduce((sum, r) => sum + (r.denominator ?? 0), 0);
	return expected > 0 ? shown.reduce((sum, r) => sum + (r.numerator ?? 0), 0) / expected : null;
}
export { keyFigure, yearBefore, type KeyFigure } from './change';

/**
 * Sites: every unit of a network against the network's rate, as funnel
 * plots (src/lib/stats/funnel.ts) over the comparison window, the chosen
 * `to` quarter and the three before it. The network is the selection
 * (region, organisation type, funding); a chosen unit is highlighted, not
 * made a network of one.
 *
 * Sizes: a rate over participant-weeks is not a rate over independent
 * trials, so a unit's n is its mean weekly caseload over its reported weeks
 * in the window and r its mean weekly number employed (or in education).
 * Report completeness is binomial as it is: n expected unit-weeks, r reported.
 */
import { quarterStart, shiftQuarter } from '$lib/time';
import { measureColumns, measureOf, queryMeasures, reportCompleteness, roundedIn, unitWindowSql, type MeasureColumns, type MeasureRow } from '$lib/metrics';
import { FUNNEL_MEASURES } from '$lib/metrics/funnel';
import { funnelCurve, funnelProportions, type FunnelFlag, type FunnelLimits } from '$lib/stats/funnel';
import type { ViewDefinition } from './context';

export const FUNNELS = ['employment', 'education', 'completeness'] as const;
export type FunnelId = (typeof FUNNELS)[number];


/** A row of the funnel CSVs (funnel_employment, funnel_education, funnel_completeness): the limits at the unit's n. */
export interface FunnelRow extends FunnelLimits {
	unit_id: string;
	unit_name: string;
	/** The day the unit closed, marked beside its name (null while open; not a column of the CSVs). */
	closed: string | null;
	n: number;
	r: number;
	rate: number;
	z: number;
	flag: FunnelFlag;
}

export interface Funnel {
	target: number | null;
	/** The network's own rate from its published totals, where a public build withholds some of its units; null where that is withheld too. */
	network?: number | null;
	/** The network's rate is withheld (public build): no line, and no unit drawn against one. */
	targetWithheld?: boolean;
	phi: number | null;
	tau: number | null;
	adjusted: boolean;
	units: FunnelRow[];
	/** The limits over the range of n, for drawing. */
	curve: ({ n: number } & FunnelLimits)[];
	/** Units of the network open in the window but without a size in it (no reports, or no caseload). */
	leftOut: number;
	/** Units left out because a count their rate rests on is withheld (public build). */
	withheld: number;
	/** Units placed from their window's rounded counts, a quarter of them withheld (public build, public_windows). */
	rounded?: number;
}

export interface SitesResults {
	/** The comparison window's first and last quarter (first days). */
	first: string;
	last: string;
	funnels: Record<FunnelId, Funnel>;
}

/**
 * A unit's size and count in a funnel, or null when it has none: for the
 * rates, its mean weekly caseload and number employed (or in education)
 * over its reported weeks; for completeness, its expected and reported
 * unit-weeks.
 */
function sizeOf(row: MeasureRow, funnel: FunnelId, columns: MeasureColumns): { n: number; r: number } | null {
	const denominator = row[columns.denominator] as number | null;
	const numerator = (row[columns.numerator] as number | null) ?? 0;
	if (funnel === 'completeness') return denominator ? { n: denominator, r: numerator } : null;
	const weeks = row.weeks as number | null;
	return weeks && denominator ? { n: denominator / weeks, r: numerator / weeks } : null;
}

/**
 * The network's own rate over the window, from its cells (public build):
 * null when a count it rests on is withheld in any quarter of the window.
 */
export function networkRate(quarters: readonly MeasureRow[], funnel: FunnelId): number | null {
	const measures = quarters.map((row) => measureOf(row, FUNNEL_MEASURES[funnel]));
	if (measures.some((m) => m.suppressed)) return null;
	const [r, n] = [measures.reduce((sum, m) => sum + (m.numerator ?? 0), 0), measures.reduce((sum, m) => sum + (m.denominator ?? 0), 0)];
	return n > 0 ? r / n : null;
}

/**
 * A funnel of the network's units. Where units are withheld (public build),
 * the line is `network`, the network's own rate, and not the rate of the
 * units that were left: that would be a number suppression distorted. With
 * the network's rate withheld too, there is no funnel.
 *
 * One pass over the rows, each column's name written once: a funnel of the
 * whole country reads thousands of units, three funnels a change.
 */
export function funnelOf(rows: readonly MeasureRow[], funnel: FunnelId, adjust: boolean, network?: number | null): Funnel {
	const metric = FUNNEL_MEASURES[funnel];
	const columns = measureColumns(metric);
	const expected = measureColumns(reportCompleteness).denominator;
	// Units with reports in the window: withheld (a count their rate rests on is withheld), or open, and placed where they have a size.
	let [withheld, open, rounded] = [0, 0, 0];
	const sized: { unit_id: string; unit_name: string; closed: string | null; n: number; r: number }[] = [];
	for (const row of rows) {
		if (!(((row[expected] as number | null) ?? 0) > 0)) continue;
		if (row[columns.suppressed]) {
			withheld++;
			continue;
		}
		open++;
		const size = sizeOf(row, funnel, columns);
		if (!size) continue;
		sized.push({ unit_id: row.unit_id as string, unit_name: row.unit_name as string, closed: (row.closed as string | null) ?? null, n: size.n, r: size.r });
		if (roundedIn(row, metric)) rounded++;
	}
	const given = withheld > 0 && network !== undefined ? { network } : {};
	const empty = { target: null, phi: null, tau: null, adjusted: adjust, units: [], curve: [], leftOut: open, withheld, ...given };
	if (given.network === null) return { ...empty, targetWithheld: true };
	if (!sized.length) return empty;
	const fit = funnelProportions(sized, adjust, given.network ?? undefined);
	let [smallest, largest] = [Infinity, -Infinity];
	for (const { n } of sized) [smallest, largest] = [Math.min(smallest, n), Math.max(largest, n)];
	return {
		target: fit.target,
		phi: fit.phi,
		// τ as the data give it: with the adjustment off the footnote says what it would be, not 0.
		tau: Math.sqrt(fit.tau2Estimate),
		adjusted: adjust,
		units: fit.units,
		curve: funnelCurve(fit.limitsAt, smallest * 0.8, largest * 1.05),
		leftOut: open - sized.length,
		withheld,
		...(rounded ? { rounded } : {}),
		...given,
	};
}

export const sites: ViewDefinition<SitesResults> = {
	id: 'sites',
	options: { od: ['off'] },
	async load(db, filters, { period, profile }) {
		const to = filters.to ?? period.to;
		const [first, last] = [quarterStart(shiftQuarter(to, -3)), quarterStart(to)];
		const params = { first_quarter: first, last_quarter: last, region: filters.region, org: filters.org, funding: filters.funding, unit: null };
		const measures = Object.values(FUNNEL_MEASURES);
		const [rows, network] = await Promise.all([
			db.query<MeasureRow>(unitWindowSql(measures, profile), params),
			// The network's own cells: its rate where a public build withholds some of its units.
			profile === 'public' ? queryMeasures(db, 'quarter', measures, profile, params) : null,
		]);
		const adjust = filters.options.od !== 'off';
		return {
			first,
			last,
			funnels: Object.fromEntries(FUNNELS.map((f) => [f, funnelOf(rows, f, adjust, network ? networkRate(network, f) : undefined)])) as Record<FunnelId, Funnel>,
		};
	},
};

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
import { measureOf, queryMeasures, reportCompleteness, roundedIn, unitWindowSql, type MeasureRow } from '$lib/metrics';
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

/** The unit's size and count in each funnel, or null when it has none. */
function sizeOf(row: MeasureRow, funnel: FunnelId): { n: number; r: number } | null {
	const weeks = row.weeks as number | null;
	if (funnel === 'completeness') {
		const m = measureOf(row, reportCompleteness);
		return m.denominator ? { n: m.denominator, r: m.numerator ?? 0 } : null;
	}
	const m = measureOf(row, FUNNEL_MEASURES[funnel]);
	if (!weeks || !m.denominator || m.suppressed) return null;
	return { n: m.denominator / weeks, r: (m.numerator ?? 0) / weeks };
}

/** A unit whose rate rests on a withheld count (public build): left out of the funnel, and counted. */
const withheldIn = (row: MeasureRow, funnel: FunnelId) => measureOf(row, FUNNEL_MEASURES[funnel]).suppressed === true;

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
 */
export function funnelOf(rows: readonly MeasureRow[], funnel: FunnelId, adjust: boolean, network?: number | null): Funnel {
	const reporting = rows.filter((row) => (measureOf(row, reportCompleteness).denominator ?? 0) > 0);
	const withheld = reporting.filter((row) => withheldIn(row, funnel)).length;
	const open = reporting.filter((row) => !withheldIn(row, funnel));
	const sized = open.flatMap((row) => {
		const size = sizeOf(row, funnel);
		return size ? [{ unit_id: row.unit_id as string, unit_name: row.unit_name as string, closed: (row.closed as string | null) ?? null, ...size }] : [];
	});
	const given = withheld > 0 && network !== undefined ? { network } : {};
	const placed = new Set(sized.map((u) => u.unit_id));
	const rounded = open.filter((row) => placed.has(row.unit_id as string) && roundedIn(row, FUNNEL_MEASURES[funnel])).length;
	const empty = { target: null, phi: null, tau: null, adjusted: adjust, units: [], curve: [], leftOut: open.length, withheld, ...given };
	if (given.network === null) return { ...empty, targetWithheld: true };
	if (!sized.length) return empty;
	const fit = funnelProportions(sized, adjust, given.network ?? undefined);
	const sizes = sized.map((u) => u.n);
	return {
		target: fit.target,
		phi: fit.phi,
		// τ as the data give it: with the adjustment off the footnote says what it would be, not 0.
		tau: Math.sqrt(fit.tau2Estimate),
		adjusted: adjust,
		units: fit.units.map(({ unit_id, unit_name, closed, n, r, rate, z, lower95, upper95, lower998, upper998, flag }) => ({
			unit_id, unit_name, closed, n, r, rate, z, lower95, upper95, lower998, upper998, flag,
		})),
		curve: funnelCurve(fit.limitsAt, Math.min(...sizes) * 0.8, Math.max(...sizes) * 1.05),
		leftOut: open.length - sized.length,
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

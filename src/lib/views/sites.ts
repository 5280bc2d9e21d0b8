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
import { quarterStart, shiftQuarter } from '$lib/filters';
import { educationRate, employmentRate, measureOf, reportCompleteness, unitWindowSql, type MeasureRow } from '$lib/metrics';
import { funnelCurve, funnelProportions, type FunnelFlag, type FunnelLimits } from '$lib/stats/funnel';
import type { ViewDefinition } from './context';

export const FUNNELS = ['employment', 'education', 'completeness'] as const;
export type FunnelId = (typeof FUNNELS)[number];

/** The measure each funnel compares, for its label, format and definition. */
export const FUNNEL_MEASURES = { employment: employmentRate, education: educationRate, completeness: reportCompleteness } as const;

export const WINDOW_SQL = unitWindowSql([employmentRate, educationRate, reportCompleteness]);

/** A row of the funnel CSVs (funnel_employment, funnel_education, funnel_completeness): the limits at the unit's n. */
export interface FunnelRow extends FunnelLimits {
	unit_id: string;
	unit_name: string;
	n: number;
	r: number;
	rate: number;
	z: number;
	flag: FunnelFlag;
}

export interface Funnel {
	target: number | null;
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
const withheldIn = (row: MeasureRow, funnel: FunnelId) => funnel !== 'completeness' && measureOf(row, FUNNEL_MEASURES[funnel]).suppressed === true;

export function funnelOf(rows: readonly MeasureRow[], funnel: FunnelId, adjust: boolean): Funnel {
	const reporting = rows.filter((row) => (measureOf(row, reportCompleteness).denominator ?? 0) > 0);
	const withheld = reporting.filter((row) => withheldIn(row, funnel)).length;
	const open = reporting.filter((row) => !withheldIn(row, funnel));
	const sized = open.flatMap((row) => {
		const size = sizeOf(row, funnel);
		return size ? [{ unit_id: row.unit_id as string, unit_name: row.unit_name as string, ...size }] : [];
	});
	if (!sized.length) return { target: null, phi: null, tau: null, adjusted: adjust, units: [], curve: [], leftOut: open.length, withheld };
	const fit = funnelProportions(sized, adjust);
	const sizes = sized.map((u) => u.n);
	return {
		target: fit.target,
		phi: fit.phi,
		tau: Math.sqrt(fit.tau2),
		adjusted: adjust,
		units: fit.units.map(({ unit_id, unit_name, n, r, rate, z, lower95, upper95, lower998, upper998, flag }) => ({
			unit_id, unit_name, n, r, rate, z, lower95, upper95, lower998, upper998, flag,
		})),
		curve: funnelCurve(fit.limitsAt, Math.min(...sizes) * 0.8, Math.max(...sizes) * 1.05),
		leftOut: open.length - sized.length,
		withheld,
	};
}

export const sites: ViewDefinition<SitesResults> = {
	id: 'sites',
	options: { od: ['off'] },
	async load(db, filters, { period, profile }) {
		const to = filters.to ?? period.to;
		const [first, last] = [quarterStart(shiftQuarter(to, -3)), quarterStart(to)];
		const rows = await db.query<MeasureRow>(unitWindowSql([employmentRate, educationRate, reportCompleteness], profile), {
			first_quarter: first,
			last_quarter: last,
			region: filters.region,
			org: filters.org,
			funding: filters.funding,
			unit: null,
		});
		const adjust = filters.options.od !== 'off';
		return {
			first,
			last,
			funnels: Object.fromEntries(FUNNELS.map((f) => [f, funnelOf(rows, f, adjust)])) as Record<FunnelId, Funnel>,
		};
	},
};

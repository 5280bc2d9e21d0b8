/**
 * Funnel plots for proportions (Spiegelhalter 2005), computed as FunnelPlotR
 * does for data_type "PR" (nhs-r-community/FunnelPlotR, R/od_adjustment.R and
 * R/calculate_limits.R):
 *
 *   Y = asin(√(r/n)), s = 1/(2√n), target θ = asin(√(Σr/Σn));
 *   z = (Y − θ)/s, winsorised at its 10th and 90th percentiles (R's default
 *   quantile, type 7); φ = mean of z²;
 *   τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)) with w = 1/s² (DerSimonian–Laird);
 *   limits sin²(θ ± z·√(s² + τ²)), clipped to [0, 1].
 *
 * n need not be a whole number: a unit's mean weekly caseload is its size.
 */
import { quantile } from './quantile';

export const Z95 = 1.959964;
export const Z998 = 3.090232;
/** The share of z-scores winsorised at each end. */
const TRIM = 0.1;

export interface FunnelUnit {
	n: number;
	r: number;
}

export interface FunnelLimits {
	lower95: number;
	upper95: number;
	lower998: number;
	upper998: number;
}

export type FunnelFlag = 'above' | 'below' | 'within';

export interface FunnelResult<Unit extends FunnelUnit> {
	/** Σr/Σn over the units (or the network's own rate, when given), and its arcsine square root. */
	target: number;
	theta: number;
	/** The overdispersion ratio of the winsorised z-scores, and the between-unit variance added when adjusted. */
	phi: number;
	tau2: number;
	/** The between-unit variance the data give, whether it is added or not: what τ² would be with the adjustment on. */
	tau2Estimate: number;
	adjusted: boolean;
	limitsAt(n: number): FunnelLimits;
	units: (Unit & FunnelLimits & { rate: number; z: number; flag: FunnelFlag })[];
}

/** sin²(x), with the arcsine scale's ends: below 0 is 0, above π/2 is 1. */
function back(x: number): number {
	if (x <= 0) return 0;
	if (x >= Math.PI / 2) return 1;
	return Math.sin(x) ** 2;
}

/**
 * The funnel of a set of units (each with n > 0 and 0 ≤ r ≤ n). With
 * `adjust` false, τ² is 0 and the limits are the binomial ones; φ is still
 * reported. `given` is the network's rate where the units are not
 * all of it (a public build leaves out units whose counts are withheld):
 * the line is then the network's, not that of the units that were left.
 */
export function funnelProportions<Unit extends FunnelUnit>(units: readonly Unit[], adjust = true, given?: number): FunnelResult<Unit> {
	for (const u of units) {
		if (!(u.n > 0) || !(u.r >= 0) || u.r > u.n) throw new RangeError(`A funnel needs n > 0 and 0 ≤ r ≤ n, not n = ${u.n}, r = ${u.r}.`);
	}
	const sumR = units.reduce((sum, u) => sum + u.r, 0);
	const sumN = units.reduce((sum, u) => sum + u.n, 0);
	const target = given ?? (units.length ? sumR / sumN : NaN);
	const theta = Math.asin(Math.sqrt(target));
	const s = units.map((u) => 1 / (2 * Math.sqrt(u.n)));
	const zRaw = units.map((u, i) => (Math.asin(Math.sqrt(u.r / u.n)) - theta) / s[i]!);

	const sorted = zRaw.slice().sort((a, b) => a - b);
	const [low, high] = [quantile(sorted, TRIM), quantile(sorted, 1 - TRIM)];
	const winsorised = zRaw.map((z) => Math.min(Math.max(z, low), high));
	const count = units.length;
	const phi = count ? winsorised.reduce((sum, z) => sum + z * z, 0) / count : NaN;

	const w = s.map((si) => 1 / si ** 2);
	const sumW = w.reduce((a, b) => a + b, 0);
	const sumW2 = w.reduce((a, b) => a + b * b, 0);
	const tau2Estimate = count > 1 ? Math.max(0, (count * phi - (count - 1)) / (sumW - sumW2 / sumW)) : 0;
	const tau2 = adjust ? tau2Estimate : 0;

	const limitsAt = (n: number): FunnelLimits => {
		const spread = Math.sqrt(1 / (4 * n) + tau2);
		return {
			lower95: back(theta - Z95 * spread),
			upper95: back(theta + Z95 * spread),
			lower998: back(theta - Z998 * spread),
			upper998: back(theta + Z998 * spread),
		};
	};

	return {
		target,
		theta,
		phi,
		tau2,
		tau2Estimate,
		adjusted: adjust,
		limitsAt,
		units: units.map((u, i) => {
			const limits = limitsAt(u.n);
			const rate = u.r / u.n;
			const z = (Math.asin(Math.sqrt(rate)) - theta) / Math.sqrt(s[i]! ** 2 + tau2);
			const flag: FunnelFlag = rate > limits.upper998 ? 'above' : rate < limits.lower998 ? 'below' : 'within';
			return { ...u, ...limits, rate, z, flag };
		}),
	};
}

/** The limit curves for drawing, at `steps` sizes spread evenly on a square-root scale from `from` to `to`. */
export function funnelCurve(limitsAt: (n: number) => FunnelLimits, from: number, to: number, steps = 80): ({ n: number } & FunnelLimits)[] {
	const [a, b] = [Math.sqrt(Math.max(from, 1e-9)), Math.sqrt(Math.max(to, from))];
	return Array.from({ length: steps + 1 }, (_, i) => {
		const n = (a + ((b - a) * i) / steps) ** 2;
		return { n, ...limitsAt(n) };
	});
}

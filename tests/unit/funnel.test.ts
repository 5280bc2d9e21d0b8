/**
 * Funnel limits for proportions with FunnelPlotR's overdispersion
 * adjustment (R/od_adjustment.R, R/calculate_limits.R), on a worked example
 * of seven units. Every intermediate value below was worked out step by step
 * outside this code (the arcsines are exact angles where the rates allow) and
 * cross-checked with numpy, whose default percentile is R's type 7:
 *
 *   n = 20 40 60 80 100 200 150, r = 6 20 15 40 30 90 120
 *   Σr/Σn = 321/650 = 0.493846, θ = asin(√0.493846) = 0.779244
 *   Y: asin√0.3 = 0.579640, asin√0.5 = π/4, asin√0.25 = π/6, π/4, 0.579640,
 *      asin√0.45 = 0.735314, asin√0.8 = 1.107149
 *   s = 1/(2√n); z = (Y − θ)/s:
 *      −1.785316 0.077843 −3.960441 0.110086 −3.992088 −1.242520 8.031988
 *   sorted z; the 10th percentile at position 6·0.1 = 0.6:
 *      −3.992088 + 0.6·(−3.960441 + 3.992088) = −3.973100;
 *   the 90th at 5.4: 0.110086 + 0.4·(8.031988 − 0.110086) = 3.278847
 *   φ = mean of the winsorised z² = 6.710121
 *   Σw = 4Σn = 2600, Σw² = 16Σn² = 1,352,000, Σw − Σw²/Σw = 2080
 *   τ² = (7·6.710121 − 6)/2080 = 0.0196975
 */
import { describe, expect, it } from 'vitest';
import { funnelCurve, funnelProportions } from '../../src/lib/stats/funnel';
import { quantile, spread } from '../../src/lib/stats/quantile';

const units = [
	{ id: 'a', n: 20, r: 6 },
	{ id: 'b', n: 40, r: 20 },
	{ id: 'c', n: 60, r: 15 },
	{ id: 'd', n: 80, r: 40 },
	{ id: 'e', n: 100, r: 30 },
	{ id: 'f', n: 200, r: 90 },
	{ id: 'g', n: 150, r: 120 },
];

describe('quantile (R type 7)', () => {
	it('matches R: quantile(1:10, c(.1, .25, .5, .9)) is 1.9, 3.25, 5.5, 9.1', () => {
		const values = Array.from({ length: 10 }, (_, i) => i + 1);
		expect([0.1, 0.25, 0.5, 0.9].map((p) => quantile(values, p))).toEqual([1.9, 3.25, 5.5, 9.1].map((v) => expect.closeTo(v, 12)));
	});

	it('gives the spine chart its five numbers, and nothing for no values', () => {
		// R: quantile(c(1, 3, 7, 15)) is 1, 2.5, 5, 9, 15.
		expect(spread([15, null, 1, 7, 3])).toEqual({ min: 1, q1: 2.5, median: 5, q3: 9, max: 15 });
		expect(spread([null])).toBeNull();
	});
});

describe('funnel limits for proportions (FunnelPlotR method)', () => {
	const adjusted = funnelProportions(units);
	const plain = funnelProportions(units, false);

	it('targets the pooled rate and estimates φ and τ² from the winsorised z-scores', () => {
		expect(adjusted.target).toBeCloseTo(321 / 650, 12);
		expect(adjusted.theta).toBeCloseTo(0.7792442, 6);
		expect(adjusted.phi).toBeCloseTo(6.710121, 5);
		expect(adjusted.tau2).toBeCloseTo(0.0196975, 6);
		expect(adjusted.adjusted).toBe(true);
		// Off: no between-unit variance, the same φ.
		expect(plain.tau2).toBe(0);
		// What τ² would be is the same either way: "τ would be 0.000" with the adjustment off would be wrong (#21).
		expect(plain.tau2Estimate).toBeCloseTo(0.0196975, 6);
		expect(adjusted.tau2Estimate).toBe(adjusted.tau2);
		expect(plain.phi).toBeCloseTo(6.710121, 5);
	});

	it('draws the line at the network’s own rate where it is given (units left out on a public build)', () => {
		// Two units, 20/100 and 40/100: pooled 0.3; the network's own rate 0.5 is given.
		const two = [
			{ n: 100, r: 20 },
			{ n: 100, r: 40 },
		];
		expect(funnelProportions(two, false).target).toBeCloseTo(0.3, 12);
		const given = funnelProportions(two, false, 0.5);
		expect(given.target).toBe(0.5);
		expect(given.theta).toBeCloseTo(Math.PI / 4, 12);
		// z = (asin √0.2 − π/4) / (1 / (2√100)) = (0.4636476 − 0.7853982) × 20 = −6.435011.
		expect(given.units[0]!.z).toBeCloseTo(-6.435011, 5);
		// The 95 % limits at n = 100 around 0.5: sin²(π/4 ∓ d) = (1 ∓ sin 2d)/2 with d = 1.959964/20, sin 0.1959964 = 0.1947440: 0.402628 and 0.597372.
		expect(given.units[0]!.lower95).toBeCloseTo(0.402628, 5);
		expect(given.units[0]!.upper95).toBeCloseTo(0.597372, 5);
	});

	it('gives the binomial limits without the adjustment, and flags units outside 99.8 %', () => {
		const c = plain.units[2]!; // n = 60, r = 15
		expect(c.lower95).toBeCloseTo(0.3688821, 6);
		expect(c.upper95).toBeCloseTo(0.6192021, 6);
		expect(c.lower998).toBeCloseTo(0.3001199, 6);
		expect(c.upper998).toBeCloseTo(0.6885389, 6);
		expect(c.z).toBeCloseTo(-3.960441, 5);
		expect(plain.units.map((u) => u.flag)).toEqual(['within', 'within', 'below', 'within', 'below', 'within', 'above']);
	});

	it('widens the limits by τ² with the adjustment, so the same units fall within', () => {
		const c = adjusted.units[2]!;
		expect(c.lower95).toBeCloseTo(0.2103539, 6);
		expect(c.upper95).toBeCloseTo(0.7795268, 6);
		expect(c.lower998).toBeCloseTo(0.0883875, 6);
		expect(c.upper998).toBeCloseTo(0.9045011, 6);
		// z = (π/6 − θ)/√(1/240 + τ²)
		expect(c.z).toBeCloseTo(-1.654873, 5);
		expect(adjusted.units[6]!.z).toBeCloseTo(2.243387, 5);
		expect(adjusted.units.every((u) => u.flag === 'within')).toBe(true);
	});

	it('clips limits to [0, 1] where the arcsine scale runs out', () => {
		// n = 1: θ ± 3.090232·√(0.25 + τ²) is below 0 and above π/2.
		expect(adjusted.limitsAt(1)).toMatchObject({ lower998: 0, upper998: 1 });
		const curve = funnelCurve(adjusted.limitsAt, 1, 200, 10);
		expect(curve[0]!.n).toBeCloseTo(1, 12);
		expect(curve.at(-1)!.n).toBeCloseTo(200, 9);
		expect(curve.every((p) => p.lower998 <= p.lower95 && p.lower95 <= adjusted.target && adjusted.target <= p.upper95 && p.upper95 <= p.upper998)).toBe(true);
	});

	it('refuses a unit without a size or with more events than its size', () => {
		expect(() => funnelProportions([{ n: 0, r: 0 }])).toThrow(RangeError);
		expect(() => funnelProportions([{ n: 5, r: 6 }])).toThrow(RangeError);
	});
});

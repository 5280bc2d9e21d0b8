/**
 * The perturbation table of the cell-key method measured against suppression
 * (tests/support/cellKey.ts, tests/bench/disclosure.ts), against rows worked
 * out by hand.
 */
import { describe, expect, it } from 'vitest';
import { ptableBands, ptableRow } from '../support/cellKey.ts';

const moments = (count: number, row: { values: number[]; probabilities: number[] }) => {
	const mean = row.values.reduce((sum, v, i) => sum + v * row.probabilities[i]!, 0);
	const variance = row.values.reduce((sum, v, i) => sum + (v - count) ** 2 * row.probabilities[i]!, 0);
	return { mean, variance };
};

describe('the perturbation table', () => {
	it('with D = 1 and V = 0.5 is ¼, ½, ¼: a mean of 0 makes −1 and +1 alike, and 2p = 0.5', () => {
		for (const count of [1, 2, 10]) {
			const row = ptableRow(count, { D: 1, V: 0.5 });
			expect(row.values).toEqual([count - 1, count, count + 1]);
			row.probabilities.forEach((p, i) => expect(p).toBeCloseTo([0.25, 0.5, 0.25][i]!, 12));
		}
	});

	it('with D = 2 and V = 1 is p(d) ∝ r^(d²) with 6r⁴ = 1, the maximum-entropy row worked out by hand', () => {
		// Symmetric, so p(d) ∝ exp(b·d²) = r^(d²); p₀(1 + 2r + 2r⁴) = 1 and the variance 2p₀(r + 4r⁴) = 1 give 6r⁴ = 1.
		const r = 6 ** -0.25;
		const p0 = 1 / (1 + 2 * r + 2 / 6);
		const row = ptableRow(7, { D: 2, V: 1 });
		expect(row.values).toEqual([5, 6, 7, 8, 9]);
		[p0 / 6, p0 * r, p0, p0 * r, p0 / 6].forEach((p, i) => expect(row.probabilities[i]).toBeCloseTo(p, 10));
		expect(p0).toBeCloseTo(0.38296, 5);
	});

	it('near zero holds the mean and the variance where the values allow, and the mean alone where they do not', () => {
		// A count of 1 with D = 2 can fall to 0 only: {0, 1, 2, 3} still allows variance 1.
		const one = ptableRow(1, { D: 2, V: 1 });
		expect(one.values).toEqual([0, 1, 2, 3]);
		expect(moments(1, one).mean).toBeCloseTo(1, 10);
		expect(moments(1, one).variance).toBeCloseTo(1, 10);
		// With D = 1 the variance is at most 1; asked for 2, the mean alone is held: maximum entropy with mean 0 on {−1, 0, 1} is uniform.
		ptableRow(5, { D: 1, V: 2 }).probabilities.forEach((p) => expect(p).toBeCloseTo(1 / 3, 10));
	});

	it('keeps 0 at 0, and refuses what is not a whole count', () => {
		expect(ptableRow(0, { D: 3, V: 2 })).toEqual({ values: [0], probabilities: [1] });
		expect(() => ptableRow(2.5, { D: 2, V: 1 })).toThrow(/whole counts/);
		expect(() => ptableRow(-1, { D: 2, V: 1 })).toThrow(/whole counts/);
	});

	it('cuts each row of the counts 0 to D into bands of the cell key, a count from D up shifted from the row of D', () => {
		const expected = [
			{ base: 0, low: 0, high: 1, noise: 0 },
			{ base: 1, low: 0, high: 0.25, noise: -1 },
			{ base: 1, low: 0.25, high: 0.75, noise: 0 },
			{ base: 1, low: 0.75, high: 1, noise: 1 },
		];
		const found = ptableBands({ D: 1, V: 0.5 });
		expect(found.map(({ base, noise }) => [base, noise])).toEqual(expected.map(({ base, noise }) => [base, noise]));
		found.forEach((band, i) => {
			expect(band.low).toBeCloseTo(expected[i]!.low, 12);
			expect(band.high).toBeCloseTo(expected[i]!.high, 12);
		});
		const bands = ptableBands({ D: 3, V: 2 });
		for (let base = 0; base <= 3; base++) {
			const row = bands.filter((band) => band.base === base);
			expect(row[0]!.low).toBe(0);
			expect(row.at(-1)!.high).toBe(1);
			// Never below 0, never beyond D.
			for (const band of row) expect(base + band.noise >= 0 && Math.abs(band.noise) <= 3).toBe(true);
		}
	});
});

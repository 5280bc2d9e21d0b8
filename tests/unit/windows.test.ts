/**
 * The public funnels' windows (pipelines/windows.ts), on systems small
 * enough to work out by hand: two units of one leaf, four quarters of 13
 * weeks, the first quarter's employed withheld. Values are participant-
 * weeks; a quarter's level is 5 people × 13 weeks = 65; WINDOW_ROUNDING is 4
 * people in an average week, so a window of 52 weeks published as v says
 * its sum lies in [(v − 2) × 52, (v + 2) × 52].
 */
import { describe, expect, it } from 'vitest';
import { WINDOW_ROUNDING } from '../../src/lib/contract/index.ts';
import type { PeriodSystem, UnitQuarter } from '../../pipelines/windows.ts';
import { protectWindows, roundWindow, windowBand } from '../../pipelines/windows.ts';

const QUARTERS = ['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01'];

/** One quarter: the leaf L = U + V published, U and V withheld in the first quarter only. */
function quarter(first: boolean, u: number, v: number): PeriodSystem {
	const values = new Map([
		['employed@unit:U', u],
		['employed@unit:V', v],
		['employed@cube:L', u + v],
	]);
	return {
		system: {
			values,
			relations: [{ terms: [['employed@cube:L', -1], ['employed@unit:U', 1], ['employed@unit:V', 1]], lower: 0, upper: 0 }],
			level: () => 5 * 13,
			integer: () => true,
			group: (key) => key.slice(0, key.indexOf('@')),
		},
		withheld: new Set(first ? ['employed@unit:U', 'employed@unit:V'] : []),
	};
}

const units: UnitQuarter[] = QUARTERS.flatMap((q) => ['U', 'V'].map((unit_id) => ({ unit_id, quarter: q, weeks: 13, leaf: 'L' })));

/** The quarters' systems: U's and V's first quarter, then each's three published quarters alike. */
const periods = (u: readonly number[], v: readonly number[]) => new Map(QUARTERS.map((q, i) => [q, quarter(i === 0, u[i]!, v[i]!)]));

describe('the funnel windows', () => {
	it('rounds to the nearest WINDOW_ROUNDING people in an average week, and bands the sum by half of it each way', () => {
		expect(WINDOW_ROUNDING).toBe(4);
		expect([roundWindow(8.25), roundWindow(9.9), roundWindow(10.1), roundWindow(6.05)]).toEqual([8, 8, 12, 8]);
		expect(windowBand(8, 52)).toEqual([312, 520]);
	});

	it('publishes windows whose bands leave each withheld quarter at least its level wide', async () => {
		// U: 39 + 3 × 130 = 429 over 52 weeks, 8.25 a week → 8; V: 100 + 390 = 490, 9.42 → 8. Both bands [312, 520]:
		// U's first quarter lies in [312 − 390, 520 − 390] = [0, 130], and so, through L = 139, in [9, 130]; V's in [9, 130]. Wide.
		const { rows, counts } = await protectWindows(['2026-07-01'], periods([39, 130, 130, 130], [100, 130, 130, 130]), units, 5);
		expect(rows).toEqual([
			{ quarter: '2026-07-01', unit_id: 'U', weeks: 52, caseload: null, employed: 8, in_education: null },
			{ quarter: '2026-07-01', unit_id: 'V', weeks: 52, caseload: null, employed: 8, in_education: null },
		]);
		expect(counts).toEqual({ cells: 2, primary: 0, secondary: 0 });
	});

	it('drops windows whose bands narrow a withheld quarter through their leaf', async () => {
		// U: 39 + 475 = 514, 9.88 a week → 8, so its first quarter is at most 520 − 475 = 45. V: 40 + 275 = 315, 6.06 → 8,
		// so V's is at least 312 − 275 = 37, and U's, L − V = 79 − V, at most 42: U in [0, 42], narrower than 65. Without
		// U's window, V's first quarter is in [37, 79] (its band and L), 42 wide: neither can be published.
		const { rows, counts } = await protectWindows(['2026-07-01'], periods([39, 160, 160, 155], [40, 90, 90, 95]), units, 5);
		expect(rows).toEqual([]);
		expect(counts).toEqual({ cells: 2, primary: 0, secondary: 2 });
	});

	it('withholds a window whose rounded count is under the threshold, and leaves alone one whose quarters are all shown', async () => {
		// U: 13 + 3 × 13 = 52 over 52 weeks, 1 a week → 0: under 5. V's quarters, withheld in none, give its window exactly.
		const systems = periods([13, 13, 13, 13], [100, 130, 130, 130]);
		const first = systems.get(QUARTERS[0]!)!;
		systems.set(QUARTERS[0]!, { ...first, withheld: new Set(['employed@unit:U', 'employed@cube:L']) });
		const { rows, counts } = await protectWindows(['2026-07-01'], systems, units, 5);
		expect(rows).toEqual([]);
		expect(counts).toEqual({ cells: 1, primary: 1, secondary: 0 });
	});
});

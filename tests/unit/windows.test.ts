/**
 * The public funnels' windows (pipelines/windows.ts), on systems small
 * enough to work out by hand: two units of one leaf, four quarters of 13
 * weeks, the first quarter's employed withheld. Values are participant-
 * weeks; a quarter's level is 5 people × 13 weeks = 65; WINDOW_ROUNDING is 2
 * people in an average week, so a window of 52 weeks published as v says
 * its sum lies in [(v − 1) × 52, (v + 1) × 52].
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
		expect(WINDOW_ROUNDING).toBe(2);
		expect([roundWindow(8.25), roundWindow(8.9), roundWindow(9.1), roundWindow(5)]).toEqual([8, 8, 10, 6]);
		expect(windowBand(8, 52)).toEqual([364, 468]);
	});

	it('publishes windows whose bands leave each withheld quarter at least its level wide', async () => {
		// U: 39 + 3 × 130 = 429 over 52 weeks, 8.25 a week → 8: its first quarter in [364 − 390, 468 − 390] = [0, 78].
		// V: 100 + 3 × 110 = 430, 8.27 → 8: in [34, 138]. Through L = 139, U in [1, 78] and V in [61, 138]: 77 wide each.
		const { rows, counts } = await protectWindows(['2026-07-01'], periods([39, 130, 130, 130], [100, 110, 110, 110]), units, 5);
		expect(rows).toEqual([
			{ quarter: '2026-07-01', unit_id: 'U', weeks: 52, caseload: null, employed: 8, in_education: null },
			{ quarter: '2026-07-01', unit_id: 'V', weeks: 52, caseload: null, employed: 8, in_education: null },
		]);
		expect(counts).toEqual({ cells: 2, primary: 0, secondary: 0 });
	});

	it('drops the window whose band narrows a withheld quarter, and keeps its neighbour’s', async () => {
		// U: 39 + 424 = 463, 8.90 a week → 8, so its first quarter is at most 468 − 424 = 44: U in [0, 44], narrower than
		// 65, held there by its own band. V: 100 + 420 = 520, 10 → 10: in [48, 152], and with U's band beside it, through
		// L = 139, in [95, 139]; held there by U's band. Without U's window, V is in [48, 139] and U in [0, 91]: both wide.
		const { rows, counts } = await protectWindows(['2026-07-01'], periods([39, 141, 141, 142], [100, 140, 140, 140]), units, 5);
		expect(rows).toEqual([{ quarter: '2026-07-01', unit_id: 'V', weeks: 52, caseload: null, employed: 10, in_education: null }]);
		expect(counts).toEqual({ cells: 2, primary: 0, secondary: 1 });
	});

	it('withholds a window whose rounded count is under the threshold, and leaves alone one whose quarters are all shown', async () => {
		// U: 13 + 3 × 13 = 52 over 52 weeks, 1 a week → 2: under 5. V's quarters, withheld in none, give its window exactly.
		const systems = periods([13, 13, 13, 13], [100, 130, 130, 130]);
		const first = systems.get(QUARTERS[0]!)!;
		systems.set(QUARTERS[0]!, { ...first, withheld: new Set(['employed@unit:U', 'employed@cube:L']) });
		const { rows, counts } = await protectWindows(['2026-07-01'], systems, units, 5);
		expect(rows).toEqual([]);
		expect(counts).toEqual({ cells: 1, primary: 1, secondary: 0 });
	});
});

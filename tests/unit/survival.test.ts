/**
 * The survival statistics ($lib/stats/survival) against a published worked
 * example and small cases computed by hand.
 *
 * Published: the remission times in weeks of the 6-mercaptopurine (6-MP) and
 * placebo arms of Freireich et al. (1963), Blood 21: 699–716, the data set of
 * Gehan (1965) and of Kleinbaum & Klein, Survival Analysis: A Self-Learning
 * Text (3rd ed., 2012), chapter 2, whose Kaplan–Meier table for the 6-MP arm
 * is reproduced below, with the standard errors and the log-log 95 % limits
 * R's survival package prints for it (survfit(..., conf.type = "log-log"))
 * and the log-rank χ² of 16.79 on 1 degree of freedom (chapter 2; R's survdiff
 * prints 16.8, p = 4e-05).
 */
import { describe, expect, it } from 'vitest';
import { atRisk, kaplanMeier, logRank, median, survivalAt, type Subject } from '$lib/stats/survival';

const subject = (exit: number, event: boolean, entry = 0): Subject => ({ entry, exit, event });
/** 6-MP arm: a + marks a censored time. */
const SIX_MP = [6, 6, 6, '6+', 7, '9+', 10, '10+', '11+', 13, 16, '17+', '19+', '20+', 22, 23, '25+', '32+', '32+', '34+', '35+'].map((t) =>
	typeof t === 'number' ? subject(t, true) : subject(Number(t.slice(0, -1)), false),
);
const PLACEBO = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23].map((t) => subject(t, true));
const round4 = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

describe('Kaplan–Meier', () => {
	it('reproduces the published table of the 6-MP arm: survival, standard error and log-log 95 % limits', () => {
		const events = kaplanMeier(SIX_MP).filter((r) => r.events > 0);
		expect(events.map((r) => [r.time, r.atRisk, r.events, round4(r.survival), round4(r.stdErr), round4(r.lower), round4(r.upper)])).toEqual([
			[6, 21, 3, 0.8571, 0.0764, 0.6197, 0.9516],
			[7, 17, 1, 0.8067, 0.0869, 0.5631, 0.9228],
			[10, 15, 1, 0.7529, 0.0963, 0.5032, 0.8894],
			[13, 12, 1, 0.6902, 0.1068, 0.4316, 0.8491],
			[16, 11, 1, 0.6275, 0.1141, 0.3675, 0.8049],
			[22, 7, 1, 0.5378, 0.1282, 0.2678, 0.7468],
			[23, 6, 1, 0.4482, 0.1346, 0.1881, 0.6801],
		]);
		// The median: 23 weeks, the lower band reaching 0.5 at 13 and the upper never.
		expect(median(kaplanMeier(SIX_MP))).toEqual({ value: 23, lower: 13, upper: null });
	});

	it('has a row at time 0 and one per distinct event or censoring time, censorings counted apart', () => {
		const rows = kaplanMeier(SIX_MP);
		expect(rows[0]).toEqual({ time: 0, atRisk: 21, events: 0, censored: 0, survival: 1, stdErr: 0, lower: 1, upper: 1 });
		expect(rows.map((r) => r.time)).toEqual([0, 6, 7, 9, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 34, 35]);
		expect(rows.find((r) => r.time === 6)).toMatchObject({ events: 3, censored: 1 });
		expect(rows.find((r) => r.time === 32)).toMatchObject({ atRisk: 4, events: 0, censored: 2, survival: rows.find((r) => r.time === 23)!.survival });
	});

	it('counts events before censorings at a tie, and lets a late entrant join the risk set only after it enters', () => {
		// A event at 2, B censored at 2, C event at 3, D enters at 1 and is censored at 4, E enters at 2 and has its event at 3.
		// At 2: A, B, C and D at risk (E enters at 2, so not yet): S = 3/4. At 3: C, D and E; two events: S = 3/4 · 1/3 = 1/4.
		const subjects = [subject(2, true), subject(2, false), subject(3, true), subject(4, false, 1), subject(3, true, 2)];
		const rows = kaplanMeier(subjects);
		expect(rows.map((r) => [r.time, r.atRisk, r.events, r.censored, r.survival])).toEqual([
			[0, 3, 0, 0, 1],
			[2, 4, 1, 1, 0.75],
			[3, 3, 2, 0, 0.25],
			[4, 1, 0, 1, 0.25],
		]);
		// Greenwood: 1/(4·3) at 2, then + 2/(3·1) at 3; log-log limits worked out from them.
		expect([round4(rows[1]!.lower), round4(rows[1]!.upper)]).toEqual([0.1279, 0.9605]);
		expect([round4(rows[2]!.lower), round4(rows[2]!.upper)]).toEqual([0.0089, 0.6653]);
		expect(median(rows).value).toBe(3);
		expect([survivalAt(rows, 1), survivalAt(rows, 2), survivalAt(rows, 3.5)]).toEqual([1, 0.75, 0.25]);
		// At 1: A, B and C (D enters at 1, after 1 it is in). At 2.5: C, D and E.
		expect([atRisk(subjects, 1), atRisk(subjects, 2.5)]).toEqual([3, 3]);
	});

	it('ends the band where survival reaches 0', () => {
		const rows = kaplanMeier([subject(1, true), subject(2, true)]);
		expect(rows.at(-1)).toMatchObject({ time: 2, survival: 0, lower: null, upper: null });
	});
});

describe('the log-rank test', () => {
	it('reproduces the published χ² for 6-MP against placebo', () => {
		const test = logRank([SIX_MP, PLACEBO])!;
		expect(test.chi2).toBeCloseTo(16.79, 2);
		expect(test.df).toBe(1);
		expect(test.p).toBeLessThan(5e-5);
		expect(test.p).toBeGreaterThan(4e-5);
		expect(test.observed).toEqual([9, 21]);
		expect(test.expected[0]).toBeCloseTo(19.25, 2);
	});

	it('matches a two-group case worked by hand', () => {
		// Group 1: events at 1 and 3; group 2: event at 2, censored at 4.
		// O1 = 2; E1 = 2/4 + 1/3 + 1/2 = 4/3; V = 1/4 + 2/9 + 1/4 = 13/18; χ² = (2/3)² / (13/18) = 8/13.
		const test = logRank([[subject(1, true), subject(3, true)], [subject(2, true), subject(4, false)]])!;
		expect(test.chi2).toBeCloseTo(8 / 13, 12);
		// p = 2(1 − Φ(√(8/13))) = 0.4328.
		expect(test.p).toBeCloseTo(0.4328, 4);
	});

	it('takes any number of strata, with k − 1 degrees of freedom', () => {
		// Worked with the full covariance of the first two strata; with 2 df, p = exp(−χ²/2).
		const test = logRank([
			[subject(1, true), subject(3, true), subject(5, false)],
			[subject(2, true), subject(4, false), subject(6, true)],
			[subject(2, true), subject(3, true), subject(7, true)],
		])!;
		expect(test.chi2).toBeCloseTo(0.278023, 6);
		expect(test.df).toBe(2);
		expect(test.p).toBeCloseTo(Math.exp(-0.278023 / 2), 6);
		expect(test.expected).toEqual([1.5, 2.25, 3.25]);
		expect(logRank([SIX_MP, []])).toBeNull();
	});
});

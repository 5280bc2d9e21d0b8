/**
 * The public funnels' windows (#20): each unit's caseload, employed and in
 * education over four quarters, where its quarters do not give them.
 *
 * The sites view compares units over the latest four quarters. On a public
 * build a unit's window of quarters is withheld wherever one of its
 * quarters is, and a small unit's employed are withheld in some quarter of
 * nearly every year: the employment funnel placed no unit of the demo.
 * Publishing the window's exact sum pins a lone withheld quarter (the sum
 * less the three shown), and protecting exact windows by withholding more
 * took every window and most of the regions' employment (measured in the
 * README). So the window is published rounded (WINDOW_ROUNDING people in
 * an average week): an attacker learns only that the quarters' sum lies in
 * a band, and a window is published only where, with every other window
 * published beside it, its band narrows no withheld value of public_cells
 * below its protection level (./protect.ts, over the four quarters' systems
 * joined by the windows). Where a value is narrow, the windows whose
 * bands hold it there are dropped, round by round until none is.
 *
 * Only windows over a withheld quarter are published (the rest the quarters
 * give exactly), and only where the rounded value is at least the
 * threshold: a small window is a small count of people like any other.
 */
import { WINDOW_COUNTS, WINDOW_ROUNDING } from '../src/lib/contract/index.ts';
import { narrowTogether, narrowValues, type ProtectionSystem, type Relation } from './protect.ts';
import { quarterOf, quarterStart, shiftQuarter } from '../src/lib/time/index.ts';
import { groupBy } from './groupBy.ts';

/** One period's protection system as ./public.ts checked it, and what it withheld (keys `column@id`). */
export interface PeriodSystem {
	system: ProtectionSystem;
	withheld: ReadonlySet<string>;
}

/** A unit's open weeks and cube keys in one quarter. */
export interface UnitQuarter {
	unit_id: string;
	quarter: string;
	weeks: number;
	/** region|org|funding, as the cube's ids write them. */
	leaf: string;
}

export interface WindowRow {
	quarter: string;
	unit_id: string;
	weeks: number;
	caseload: number | null;
	employed: number | null;
	in_education: number | null;
}

export interface WindowCounts {
	cells: number;
	primary: number;
	secondary: number;
}

type Count = (typeof WINDOW_COUNTS)[number];

/** A window of one unit and count: the band its published value says the quarters' sum lies in. */
interface Candidate {
	unit: string;
	count: Count;
	quarters: string[];
	weeks: number;
	/** The published value: people in an average week, rounded. */
	value: number;
}

/** The value published for a mean of `mean` people in an average week. */
export const roundWindow = (mean: number) => WINDOW_ROUNDING * Math.round(mean / WINDOW_ROUNDING);

/** The band of participant-weeks a published window value leaves its quarters' sum in. */
export const windowBand = (value: number, weeks: number) => [(value - WINDOW_ROUNDING / 2) * weeks, (value + WINDOW_ROUNDING / 2) * weeks] as const;

/**
 * The windows ending with each of `ends` (first days of quarters), for the
 * units of `unitQuarters`, checked against `periods` (by quarter).
 */
export async function protectWindows(
	ends: readonly string[],
	periods: ReadonlyMap<string, PeriodSystem>,
	unitQuarters: readonly UnitQuarter[],
	minCell: number,
): Promise<{ rows: WindowRow[]; counts: WindowCounts }> {
	const rows: WindowRow[] = [];
	const counts = { cells: 0, primary: 0, secondary: 0 };
	for (const end of ends) {
		const quarters = [-3, -2, -1, 0].map((by) => quarterStart(shiftQuarter(quarterOf(end), by)));
		if (!quarters.every((q) => periods.has(q))) continue;
		const block = joined(quarters.map((q) => [q, periods.get(q)!] as const));
		const units = groupBy(
			unitQuarters.filter((u) => quarters.includes(u.quarter) && u.weeks > 0),
			(u) => u.unit_id,
		);
		const candidates: Candidate[] = [];
		for (const [unit, open] of units) {
			const weeks = open.reduce((sum, u) => sum + u.weeks, 0);
			for (const count of WINDOW_COUNTS) {
				const keys = open.map((u) => `${u.quarter}#${count}@unit:${unit}`);
				if (!keys.some((key) => block.withheld.has(key))) continue;
				counts.cells++;
				const value = roundWindow(keys.reduce((sum, key) => sum + block.system.values.get(key)!, 0) / weeks);
				// A small window is withheld like any small count (a rounded 0 too: its band is small counts).
				if (value < minCell) counts.primary++;
				else candidates.push({ unit, count, quarters: open.map((u) => u.quarter), weeks, value });
			}
		}
		const leafOf = new Map([...units].map(([unit, open]) => [unit, open[0]!.leaf]));
		const published = await check(block, candidates, leafOf);
		counts.secondary += candidates.length - published.length;
		for (const [unit, windows] of groupBy(published, (c) => c.unit)) {
			const row: WindowRow = { quarter: end, unit_id: unit, weeks: windows[0]!.weeks, caseload: null, employed: null, in_education: null };
			for (const w of windows) row[w.count] = w.value;
			rows.push(row);
		}
	}
	rows.sort((a, b) => a.quarter.localeCompare(b.quarter) || a.unit_id.localeCompare(b.unit_id));
	return { rows, counts };
}

/**
 * The candidates that may be published together. Without windows every
 * withheld value was checked wide (./public.ts), save those it left as wide
 * as what is published allows. A value narrow with windows is solved with
 * every column free, and the windows whose bands hold it there (a dual
 * value at its greatest or least) are dropped; round by round until none is
 * narrow.
 */
async function check(block: PeriodSystem, candidates: readonly Candidate[], leafOf: ReadonlyMap<string, string>): Promise<Candidate[]> {
	if (!candidates.length) return [];
	// Narrow before any window: as wide as what the quarters publish allows (none on the demo).
	const alone = await narrowValues(block.system, block.withheld, new Set());
	const before = alone.size ? await narrowTogether(block.system, block.withheld, new Set(), alone) : new Set<string>();
	let kept = [...candidates];
	// Windows are only ever taken away, and that only widens: a value once shown wide stays wide.
	const wide = new Set<string>();
	for (;;) {
		const bands = new Map(kept.map((c) => [c, bandOf(c)] as const));
		const system = { ...block.system, relations: [...block.system.relations, ...bands.values()] };
		const suspects = await narrowValues(system, block.withheld, wide);
		if (!suspects.size) return kept;
		const holding = new Map<string, Set<Candidate>>();
		const windowOf = new Map([...bands].map(([c, band]) => [band, c]));
		const narrow = await narrowTogether(system, block.withheld, wide, suspects, (id, relations) => {
			holding.set(id, new Set([...relations].flatMap((r) => (windowOf.has(r) ? [windowOf.get(r)!] : []))));
		});
		const drop = new Set<Candidate>();
		for (const key of narrow) {
			const held = [...(holding.get(key) ?? [])];
			if (!held.length && before.has(key)) continue;
			for (const c of held.length ? held : reachingWindows(key, kept, leafOf)) drop.add(c);
		}
		if (!drop.size) return kept;
		kept = kept.filter((c) => !drop.has(c));
	}
}

/** A window's band as a relation over its quarters. */
function bandOf(w: Candidate): Relation {
	const [lower, upper] = windowBand(w.value, w.weeks);
	return { terms: w.quarters.map((q) => [`${q}#${w.count}@unit:${w.unit}`, 1] as const), lower, upper };
}

/**
 * The windows that may narrow a value: its unit's own of its count; or those
 * of its count around it (its unit's neighbours in their leaf, or the units
 * under a cube cell); or, where none is of its count (a rule ties it to
 * another), all of those.
 */
function reachingWindows(key: string, kept: readonly Candidate[], leafOf: ReadonlyMap<string, string>): Candidate[] {
	const id = key.slice(key.indexOf('@') + 1);
	const count = countOf(key);
	let around: Candidate[];
	if (id.startsWith('unit:')) {
		const unit = id.slice('unit:'.length);
		const own = kept.filter((c) => c.unit === unit && c.count === count);
		if (own.length) return own;
		around = kept.filter((c) => leafOf.get(c.unit) === leafOf.get(unit));
	} else {
		const cell = id.slice('cube:'.length).split('|');
		around = kept.filter((c) => leafOf.get(c.unit)!.split('|').every((k, i) => cell[i] === '*' || cell[i] === k));
	}
	const same = around.filter((c) => c.count === count);
	return same.length ? same : around;
}

const countOf = (key: string) => key.slice(key.indexOf('#') + 1, key.indexOf('@'));

/** The four quarters' systems as one, keys `quarter#column@id`. */
function joined(periods: readonly (readonly [string, PeriodSystem])[]): PeriodSystem {
	const byQuarter = new Map(periods);
	const values = new Map<string, number>();
	const relations: Relation[] = [];
	const withheld = new Set<string>();
	for (const [quarter, { system, withheld: own }] of periods) {
		for (const [key, value] of system.values) values.set(`${quarter}#${key}`, value);
		for (const r of system.relations) relations.push({ ...r, terms: r.terms.map(([key, c]) => [`${quarter}#${key}`, c] as const) });
		for (const key of own) withheld.add(`${quarter}#${key}`);
	}
	const split = (key: string) => [byQuarter.get(key.slice(0, key.indexOf('#')))!.system, key.slice(key.indexOf('#') + 1)] as const;
	return {
		system: {
			values,
			relations,
			level: (key) => {
				const [system, own] = split(key);
				return system.level(own);
			},
			integer: (key) => {
				const [system, own] = split(key);
				return system.integer(own);
			},
			// A column solved alone over the four quarters: the windows tie its quarters.
			group: (key) => countOf(key),
		},
		withheld,
	};
}

/**
 * What every view needs besides its own queries: the default period and the
 * choices the filters accept. Worked out once, at build time, from the
 * manifest and the marts (src/lib/server/views.ts).
 */
import { addDays, quarterOf, shiftQuarter } from '$lib/time';
import type { Manifest, Profile } from '$lib/contract';
import type { Database } from '$lib/db/database';
import type { Filters, ViewOptions } from '$lib/filters';

/**
 * A view: its name (as in the route registry, ./routes.js) and how its
 * results are computed for a set of filters. `load` runs on either engine:
 * on Node at build time for the default state, in the browser for the rest.
 */
export interface ViewDefinition<Results> {
	id: string;
	/** The view's own choices in the URL besides the filters (?split=region), with the values each accepts. */
	options?: ViewOptions;
	load(db: Database, filters: Filters, context: ViewContext): Promise<Results>;
}

export interface Choice {
	value: string;
	label: string;
}

/** A unit as the unit filter lists it: the region it belongs to, and the day it closed (null while open), marked beside its name. */
export interface UnitChoice extends Choice {
	region: string;
	closed: string | null;
}

/**
 * The choices every page carries. Not the units: at a hundred times the
 * units they would be half a megabyte in every page and its data, so the
 * unit filter fetches them when first used ($lib/filters/unitChoices).
 */
export interface Choices {
	quarters: string[];
	regions: Choice[];
}

export interface Period {
	/** First quarter with data and latest full quarter, written 2024-Q3. */
	from: string;
	to: string;
}

export interface ViewContext {
	period: Period;
	/** The data's first and last reported weeks (Mondays, YYYY-MM-DD). */
	weeks: { first: string; last: string };
	choices: Choices;
	/** Whether the country's municipal boundaries are published (otherwise maps are tile grids). */
	boundaries: boolean;
	/** Which marts the build publishes, and on a public build the threshold under which counts of people are withheld. */
	profile: Profile;
	minCell: number | null;
	/** On a public build: per table, its counts of people and how many were withheld (from the manifest). */
	suppression?: Manifest['suppression'];
}

/** The latest full quarter: the one before the quarter that the week after the last reported week falls in. */
export function defaultPeriod(manifest: Manifest): Period | null {
	if (!manifest.data_period) return null;
	return { from: quarterOf(manifest.data_period.first_week), to: shiftQuarter(quarterOf(addDays(manifest.data_period.last_week, 7)), -1) };
}

export function quartersBetween(from: string, to: string): string[] {
	const quarters: string[] = [];
	for (let q = from; q <= to; q = shiftQuarter(q, 1)) quarters.push(q);
	return quarters;
}

/**
 * The states one change away from the figures shown: what the reader can
 * reach with one choice in the filter bar. The view runtime computes them
 * while the reader looks at the figures, so that the next change is drawn
 * from results at hand (Falcon computes a brush's answers when the pointer
 * enters a view, for the same reason: the reader's pause is free time).
 *
 * Likeliest first: the choices nearest to the one made (the next region in
 * the list, a quarter earlier or later), taken in turn from each filter, so
 * that a budget that runs out leaves every filter its nearest choices. The
 * unit filter's choices are not among them (thousands of units); with a
 * unit chosen, neither are the regions (a region may drop the unit).
 */
import { FUNDING, ORG_TYPES } from '$lib/contract';
import { filterSearch, withFilter, type FilterKey, type Filters } from '$lib/filters';
import type { Period } from './context';

export interface AheadChoices {
	quarters: readonly string[];
	regions: readonly string[];
}

export function statesAhead(filters: Filters, choices: AheadChoices, period: Period): Filters[] {
	const from = filters.from ?? period.from;
	const to = filters.to ?? period.to;
	/** The values a filter offers, nearest to `current` first ('' is all, first in its list). */
	const nearest = (key: FilterKey, values: readonly string[], current: string) => {
		const at = Math.max(0, values.indexOf(current));
		const byDistance = values.map((value, i) => ({ value, distance: Math.abs(i - at) })).filter(({ distance }) => distance > 0);
		return byDistance.sort((a, b) => a.distance - b.distance).map(({ value }) => withFilter(filters, key, value, period));
	};
	const lists = [
		nearest('org', ['', ...ORG_TYPES], filters.org ?? ''),
		nearest('funding', ['', ...FUNDING], filters.funding ?? ''),
		filters.unit === null ? nearest('region', ['', ...choices.regions], filters.region ?? '') : [],
		nearest('from', choices.quarters.filter((q) => q <= to), from),
		nearest('to', choices.quarters.filter((q) => q >= from), to),
	];
	const seen = new Set([filterSearch(filters)]);
	const states: Filters[] = [];
	for (let i = 0; lists.some((list) => i < list.length); i++) {
		for (const list of lists) {
			const state = list[i];
			if (state === undefined || seen.has(filterSearch(state))) continue;
			seen.add(filterSearch(state));
			states.push(state);
		}
	}
	return states;
}

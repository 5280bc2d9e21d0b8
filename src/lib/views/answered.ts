/**
 * The filter states whose results the build computes with the view's own
 * `load` (src/routes/answers): the changes readers make most, each region,
 * each organisation type and each funding on its own, over the default
 * period. One file a state, fetched when a reader chooses it, or one change
 * ahead of the reader within a budget (./runtime.svelte.ts): a view's
 * answers all together were 0.8–3.4 MB on the demo and up to 10.8 MB at a
 * hundred times the units, too much to fetch with the page.
 */
import { FUNDING, ORG_TYPES } from '$lib/contract';
import { DEFAULT_FILTERS, filterSearch, type Filters } from '$lib/filters';

/** Every answered state, for the published regions. */
export function answeredStates(regions: readonly string[]): Filters[] {
	return [
		...regions.map((region) => ({ ...DEFAULT_FILTERS, region })),
		...ORG_TYPES.map((org) => ({ ...DEFAULT_FILTERS, org })),
		...FUNDING.map((funding) => ({ ...DEFAULT_FILTERS, funding })),
	];
}

/** A state's name in the answers' paths: its query string without "?" (region=01). */
export const answerName = (filters: Filters) => filterSearch(filters).slice(1);

/** The answered state of that name, if there is one. */
export const answeredState = (regions: readonly string[], name: string): Filters | undefined =>
	answeredStates(regions).find((filters) => answerName(filters) === name);

/**
 * Filter state lives in the URL's query string: a copied link reproduces the
 * view. Every value is parsed with zod against what the data holds; anything
 * else falls back to the default and is named in a visible notice. Values are
 * only ever passed to SQL as bound parameters.
 */
import { z } from 'zod';
import { FUNDING, ORG_TYPES, type Funding, type OrgType } from '$lib/contract';
export { ORG_TYPES };

export const FILTER_KEYS = ['from', 'to', 'region', 'org', 'funding', 'unit'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface Filters {
	/** Quarters written 2024-Q3; null means the default. */
	from: string | null;
	to: string | null;
	region: string | null;
	org: OrgType | null;
	funding: Funding | null;
	unit: string | null;
	/** A view's own choices (how it splits or draws), by key; absent means the view's default. */
	options: Readonly<Record<string, string>>;
}

export const DEFAULT_FILTERS: Filters = { from: null, to: null, region: null, org: null, funding: null, unit: null, options: {} };

/** The choices a view offers besides the filters: each key with the values it accepts. */
export type ViewOptions = Readonly<Record<string, readonly string[]>>;

/** What the data offers to choose from: the filters accept nothing else. */
export interface FilterChoices {
	quarters: readonly string[];
	regions: readonly string[];
	units: readonly string[];
}

const QUARTER = /^\d{4}-Q[1-4]$/;

/** Schemas by the choices they allow: a page parses every change against the same choices (at scale, thousands of units). */
const schemas = new WeakMap<FilterChoices, ReturnType<typeof buildSchema>>();
function schemaFor(choices: FilterChoices) {
	let schema = schemas.get(choices);
	if (!schema) schemas.set(choices, (schema = buildSchema(choices)));
	return schema;
}

function buildSchema(choices: FilterChoices) {
	const oneOf = (allowed: readonly string[]) => z.string().max(64).refine((value) => allowed.includes(value));
	return {
		from: z.string().regex(QUARTER).pipe(oneOf(choices.quarters)),
		to: z.string().regex(QUARTER).pipe(oneOf(choices.quarters)),
		region: oneOf(choices.regions),
		org: z.enum(ORG_TYPES),
		funding: z.enum(FUNDING),
		unit: oneOf(choices.units),
	} satisfies Record<FilterKey, z.ZodType>;
}

export interface ParsedFilters {
	filters: Filters;
	/** Keys whose value was refused, or that are not filters at all. */
	rejected: string[];
}

export function parseFilters(search: URLSearchParams, choices: FilterChoices, viewOptions: ViewOptions = {}): ParsedFilters {
	const schema = schemaFor(choices);
	const filters: Filters = { ...DEFAULT_FILTERS };
	const options: Record<string, string> = {};
	const rejected: string[] = [];
	for (const key of new Set(search.keys())) {
		const values = search.getAll(key);
		if (Object.hasOwn(viewOptions, key)) {
			if (values.length === 1 && viewOptions[key]!.includes(values[0]!)) options[key] = values[0]!;
			else rejected.push(key);
			continue;
		}
		if (!(FILTER_KEYS as readonly string[]).includes(key)) {
			rejected.push(key.slice(0, 40));
			continue;
		}
		const parsed = values.length === 1 ? schema[key as FilterKey].safeParse(values[0]) : undefined;
		if (parsed?.success) (filters as unknown as Record<string, string>)[key] = parsed.data as string;
		else rejected.push(key);
	}
	if (filters.from && filters.to && filters.from > filters.to) {
		filters.from = null;
		filters.to = null;
		rejected.push('from', 'to');
	}
	return { filters: { ...filters, options }, rejected: [...new Set(rejected)] };
}

/**
 * The filters with one of them set to a value chosen in the filter bar ('' for
 * all). A quarter equal to its end of the default period is the default, so
 * that the same figures always have the same query string.
 */
export function withFilter(filters: Filters, key: FilterKey, value: string, period: { from: string; to: string }): Filters {
	const next: Filters = { ...filters, [key]: value === '' ? null : value };
	if (next.from === period.from) next.from = null;
	if (next.to === period.to) next.to = null;
	return next;
}

/** The query string for a set of filters, keys in a fixed order (the view's options last, by name), defaults left out. */
export function filterSearch(filters: Filters): string {
	const search = new URLSearchParams();
	for (const key of FILTER_KEYS) if (filters[key] !== null) search.set(key, filters[key]!);
	for (const key of Object.keys(filters.options).sort()) search.set(key, filters.options[key]!);
	const text = search.toString();
	return text ? `?${text}` : '';
}

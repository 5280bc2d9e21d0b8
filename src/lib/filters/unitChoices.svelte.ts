/**
 * The unit filter's choices, fetched once, when first needed: when a reader
 * reaches for the unit filter, or opens a URL that names a unit (its id is
 * checked against them). No page carries them: at a hundred times the units
 * they are 8,000+ names, about half a megabyte in every page and again in
 * its data, for a filter most readers never open.
 */
import { z } from 'zod';
import { base } from '$app/paths';
import type { UnitChoice } from '$lib/views/context';

const unitChoicesSchema = z.array(z.object({ value: z.string(), label: z.string(), region: z.string(), closed: z.string().nullable() }));

class UnitChoices {
	/** The published units by name, once fetched; null before, and empty if they could not be had (a unit in the URL is then refused, and named). */
	list = $state.raw<readonly UnitChoice[] | null>(null);
	/** Fetching, for a loading mark in the filter. */
	loading = $state(false);
	#request: Promise<readonly UnitChoice[]> | undefined;

	load(): Promise<readonly UnitChoice[]> {
		this.#request ??= this.#fetch();
		return this.#request;
	}

	async #fetch(): Promise<readonly UnitChoice[]> {
		this.loading = true;
		const list = await fetch(`${base}/choices/units.json`)
			.then((response) => (response.ok ? response.json() : null))
			.then((body: unknown) => unitChoicesSchema.safeParse(body).data ?? [])
			.catch(() => []);
		this.list = list;
		this.loading = false;
		return list;
	}
}

export const unitChoices = new UnitChoices();

/**
 * /choices/units.json: every published unit as the unit filter lists it,
 * written at build time. Fetched by a page only when its unit filter is
 * used or its URL names a unit ($lib/filters/unitChoices.svelte.ts): at a
 * hundred times the units the list is about half a megabyte, more than
 * every page should carry.
 */
import { json } from '@sveltejs/kit';
import { publishedUnitChoices } from '$lib/server/views';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = async () => json(await publishedUnitChoices());

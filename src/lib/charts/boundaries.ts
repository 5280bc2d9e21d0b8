/**
 * Municipal boundaries for maps. On the server (prerendering) they are read
 * from the published data once and registered by src/hooks.server.ts, so the
 * map is drawn into the HTML without shipping the geometry in the page's
 * data; in the browser they are fetched once, when a map first needs them.
 */
import { BOUNDARIES_FILE } from '$lib/contract';
import { fetchData } from '$lib/db/browser';
import type { Text } from '$lib/i18n';

/** A GeoJSON feature of the boundaries file: one municipality. */
export interface Boundary {
	type: 'Feature';
	properties: { code: string; name?: string };
	geometry: { type: string; coordinates: unknown };
}

/** The file: its features, and the name of its source (a GeoJSON foreign member) to show on the map. */
export interface Boundaries {
	features: Boundary[];
	source?: Text;
}

let registered: Boundaries | null = null;
let request: Promise<Boundaries> | undefined;

export function registerServerBoundaries(collection: unknown) {
	registered = (collection as Boundaries | null) ?? null;
}

/** The boundaries if they are at hand: always on the server, in the browser once fetched. */
export const boundariesNow = (): Boundaries | null => registered;

/** Fetches the published boundaries (once). */
export function fetchBoundaries(): Promise<Boundaries> {
	request ??= fetchData(BOUNDARIES_FILE)
		.then((response) => response.json() as Promise<Boundaries>)
		.then((collection) => (registered = collection));
	// A failed fetch can be tried again (a later map, a reload of the view).
	request.catch(() => (request = undefined));
	return request;
}

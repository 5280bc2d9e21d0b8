/**
 * Which profile the page shows (internal or public) and the public profile's
 * threshold, from the build's manifest: set once by the layout, read by any
 * component that says why a value is withheld.
 */
import { getContext, setContext } from 'svelte';
import type { Profile } from '$lib/contract';

export interface Publication {
	profile: Profile;
	/** Counts of people under this are withheld (public profile only). */
	minCell: number | null;
}

const KEY = Symbol('publication');

export const setPublication = (publication: () => Publication) => setContext(KEY, publication);

/** The page's publication; an internal build where no layout set one (a chart drawn alone, in a test). */
export function publication(): () => Publication {
	return getContext<(() => Publication) | undefined>(KEY) ?? (() => ({ profile: 'internal', minCell: null }));
}

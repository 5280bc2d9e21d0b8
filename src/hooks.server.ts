import type { Handle } from '@sveltejs/kit';
import { parseHTML } from 'linkedom';
import { registerServerBoundaries } from '$lib/charts/boundaries';
import { registerServerDocument } from '$lib/charts/serverDocument';
import { publishedBoundaries } from '$lib/server/views';
import { localeOf } from '$lib/i18n';
import { BOOT_SCRIPT } from '$lib/boot.js';

// Charts are drawn into the prerendered HTML with this DOM, maps with the published boundaries.
registerServerDocument(parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);
registerServerBoundaries(publishedBoundaries());

/**
 * The page's language on <html lang>, for screen readers and hyphenation, and
 * the script that runs before first paint (src/lib/boot.js).
 *
 * No <link rel="modulepreload"> in the head: the prerendered page is the
 * first chart, and the browser compiling the page's 300 KB of modules while
 * it lays that page out put the first paint 130-250 ms later on two cores
 * (README, bench:web). The scripts are fetched when the page's own start
 * script imports them, at the end of the body; what a reader does before
 * they have run is kept and given again (src/lib/earlyInput.ts).
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		preload: () => false,
		transformPageChunk: ({ html }) => html.replace('%lang%', localeOf(event.params.lang)).replace('%ips.boot%', BOOT_SCRIPT),
	});

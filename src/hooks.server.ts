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

/** The page's language on <html lang>, for screen readers and hyphenation, and the script that runs before first paint (src/lib/boot.js). */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', localeOf(event.params.lang)).replace('%ips.boot%', BOOT_SCRIPT) });

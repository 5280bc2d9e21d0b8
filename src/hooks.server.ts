import type { Handle } from '@sveltejs/kit';
import { parseHTML } from 'linkedom';
import { registerServerBoundaries } from '$lib/charts/boundaries';
import { registerServerDocument } from '$lib/charts/serverDocument';
import { publishedBoundaries } from '$lib/server/views';
import { localeOf } from '$lib/i18n';

// Charts are drawn into the prerendered HTML with this DOM, maps with the published boundaries.
registerServerDocument(parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document);
registerServerBoundaries(publishedBoundaries());

/** The page's language on <html lang>, for screen readers and hyphenation. */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', localeOf(event.params.lang)) });

import type { Handle } from '@sveltejs/kit';

/** The page's language on <html lang>, for screen readers and hyphenation. */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.params.lang === 'sv' ? 'sv' : 'en') });

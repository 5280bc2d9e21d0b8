/**
 * /answers/<view>.json: a view's results for the common filter changes,
 * computed at build time by the view's own `load` (src/lib/server/views.ts)
 * and written with devalue, as SvelteKit writes page data, so that they come
 * back exactly as computed.
 */
import { error } from '@sveltejs/kit';
import { stringify } from 'devalue';
import { prerenderAnswers } from '$lib/server/views';
import { VIEW_DEFINITIONS } from '$lib/views/definitions';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => Object.keys(VIEW_DEFINITIONS).map((view) => ({ view }));

export const GET: RequestHandler = async ({ params }) => {
	const view = VIEW_DEFINITIONS[params.view];
	if (!view) error(404, `No view ${params.view}.`);
	return new Response(stringify(await prerenderAnswers(view)), { headers: { 'content-type': 'application/json' } });
};

/**
 * /answers/<view>/<state>.json: a view's results for one of the common
 * filter changes ($lib/views/answered: region=01, org=municipal, …),
 * computed at build time by the view's own `load` (src/lib/server/views.ts)
 * and written with devalue, as SvelteKit writes page data, so that they
 * come back exactly as computed; lists of rows as columns, as in a page
 * ($lib/views/transport).
 */
import { error } from '@sveltejs/kit';
import { stringify } from 'devalue';
import { prerenderAnswer, publishedRegionCodes } from '$lib/server/views';
import { answeredStates, answerName } from '$lib/views/answered';
import { VIEW_DEFINITIONS } from '$lib/views/definitions';
import { encodeRows, ROWS } from '$lib/views/transport';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => {
	const states = answeredStates(publishedRegionCodes()).map(answerName);
	return Object.keys(VIEW_DEFINITIONS).flatMap((view) => states.map((state) => ({ view, state })));
};

export const GET: RequestHandler = async ({ params }) => {
	const view = VIEW_DEFINITIONS[params.view];
	const answer = view && (await prerenderAnswer(view, params.state));
	if (!answer) error(404, `No answer ${params.state} for the view ${params.view}.`);
	return new Response(stringify(answer.results, { [ROWS]: encodeRows }), { headers: { 'content-type': 'application/json' } });
};

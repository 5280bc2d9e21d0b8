import { quarterStart } from '$lib/filters';
import { prerenderedCharts, prerenderedOverview } from '$lib/server/prerender';
import type { PageServerLoad } from './$types';

export const prerender = true;

export const load: PageServerLoad = async ({ params }) => {
	const overview = await prerenderedOverview();
	const locale = params.lang === 'sv' ? 'sv' : 'en';
	return { ...overview, charts: prerenderedCharts(overview, locale, quarterStart(overview.period.from)) };
};

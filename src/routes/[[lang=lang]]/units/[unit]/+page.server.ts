import { error } from '@sveltejs/kit';
import { prerenderUnit, publishedUnitIds } from '$lib/server/views';
import type { EntryGenerator, PageServerLoad } from './$types';

/** Every published unit has its page, in English and in Swedish. */
export const entries: EntryGenerator = () => publishedUnitIds().flatMap((unit) => [{ unit }, { lang: 'sv', unit }]);

export const load: PageServerLoad = async ({ params }) => {
	const profile = await prerenderUnit(params.unit);
	if (!profile) error(404, `No unit ${params.unit} in the published data.`);
	return { profile };
};

import { prerenderView } from '$lib/server/views';
import { waitlists } from '$lib/views/waitlists';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ results: await prerenderView(waitlists) });

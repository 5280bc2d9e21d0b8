import { prerenderView } from '$lib/server/views';
import { sites } from '$lib/views/sites';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ results: await prerenderView(sites) });

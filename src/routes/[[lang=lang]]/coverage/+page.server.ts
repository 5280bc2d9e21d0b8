import { prerenderView } from '$lib/server/views';
import { coverage } from '$lib/views/coverage';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ results: await prerenderView(coverage) });

import { prerenderView } from '$lib/server/views';
import { outcomes } from '$lib/views/outcomes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ results: await prerenderView(outcomes) });

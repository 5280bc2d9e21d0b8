import { prerenderView } from '$lib/server/views';
import { survival } from '$lib/views/survival';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ results: await prerenderView(survival) });

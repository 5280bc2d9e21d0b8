import { prerenderView } from '$lib/server/views';
import { overview } from '$lib/views/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ results: await prerenderView(overview) });

import { prerenderView } from '$lib/server/views';
import { staffing } from '$lib/views/staffing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ results: await prerenderView(staffing) });

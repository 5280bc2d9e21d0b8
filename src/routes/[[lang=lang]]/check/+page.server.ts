import { publishedAreaCodes, publishedUnitSpans } from '$lib/server/views';
import type { PageServerLoad } from './$types';

/**
 * Prerendered: the published units' open periods, for the rules that need
 * them (unit_unknown, unit_not_open), and the reference areas' codes, for a
 * reader's own units.csv and unit_events.csv.
 */
export const load: PageServerLoad = async () => ({ spans: await publishedUnitSpans(), ...(await publishedAreaCodes()) });

import { viewContext } from '$lib/server/views';
import type { LayoutServerLoad } from './$types';

/** Computed once at build time: the default period and the filter choices every view shares. */
export const load: LayoutServerLoad = async () => ({ context: await viewContext() });

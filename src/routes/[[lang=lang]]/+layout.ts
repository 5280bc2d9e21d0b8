import { localeOf } from '$lib/i18n';
import type { LayoutLoad } from './$types';

/** The page's language, worked out once for every page below. */
export const load: LayoutLoad = ({ params, data }) => ({ ...data, locale: localeOf(params.lang) });

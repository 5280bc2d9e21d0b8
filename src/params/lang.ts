import type { ParamMatcher } from '@sveltejs/kit';

/** English lives at the root; Swedish under /sv. */
export const match: ParamMatcher = (param) => param === 'sv';

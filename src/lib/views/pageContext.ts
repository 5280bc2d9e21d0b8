/**
 * What every component of a page reads without being handed it: the
 * language, which profile the build publishes (and its threshold), and the
 * state and footnote of the view's figures. The layout provides the first
 * (from the build's manifest); a view's figures (ViewFigures.svelte, or a
 * page that draws charts of its own) add the rest for what is inside them.
 * A chart given a status or footnote of its own (a map whose boundaries
 * failed, a unit's window) passes it as a prop instead.
 */
import { getContext, setContext } from 'svelte';
import type { Profile } from '$lib/contract';
import type { Locale } from '$lib/i18n';

export interface PageContext {
	locale: Locale;
	profile: Profile;
	/** Counts of people under this are withheld (public profile only). */
	minCell: number | null;
	/** The view's figures: loading, shown, or failed. */
	status: 'loading' | 'ready' | 'error';
	/** The footnote under each of the view's charts: its period, and how complete the reports are. */
	footnote: string;
	/** Set on every chart of the page, its downloads and its pack, where the figures are not the published ones (a reader's own reports). */
	mark?: string;
}

/** Where no page set one (a chart drawn alone, in a test): English, an internal build, figures shown. */
const STANDALONE: PageContext = { locale: 'en', profile: 'internal', minCell: null, status: 'ready', footnote: '' };

const KEY = Symbol('page');

/** Adds to the context of the components below this one; what this one does not set is read from above. */
export function providePageContext(values: () => Partial<PageContext>) {
	const outer = pageContext();
	setContext(KEY, () => ({ ...outer(), ...values() }));
}

/** The page context, read as a function so that it stays current as the page changes. */
export function pageContext(): () => PageContext {
	return getContext<(() => PageContext) | undefined>(KEY) ?? (() => STANDALONE);
}

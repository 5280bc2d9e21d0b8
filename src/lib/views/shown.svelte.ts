/**
 * What a view shows, as filters change: the state machine of the view
 * runtime (./runtime.svelte.ts), apart from the URL, the page and the
 * engine, which it is given. Tested with fake timers and a fake engine
 * (tests/unit/shown.test.ts).
 *
 * - The default filters show the prerendered results.
 * - Results computed before (back and forward) show at once.
 * - A change made on the page keeps the figures shown, and shows its loading
 *   state only after `loadingDelayMs`; a link opened with filters shows it
 *   from the start, never the default figures.
 * - Results that arrive for filters no longer wanted are dropped.
 * - A failure keeps the figures shown before, hidden, beside the error.
 */
import { filterSearch, type Filters } from '$lib/filters';
import type { memo } from '$lib/memo';

export type ViewStatus = 'loading' | 'ready' | 'error';

/** What the page shows: the results of one set of filters. */
export interface Shown<Results> {
	/** The query string these results belong to ('' for the default view). */
	key: string;
	filters: Filters;
	status: ViewStatus;
	/** While loading or after an error: the results shown before, kept in place but hidden. */
	results: Results;
	error: unknown;
}

export interface ShownOptions<Results> {
	/** The default view's results, as built. */
	prerendered: { filters: Filters; results: Results };
	/** Computes (or finds) the results for filters. */
	resultsFor: (filters: Filters) => Promise<Results>;
	/** The results for filters if already computed. */
	known: (filters: Filters) => Results | undefined;
	loadingDelayMs: number;
}

/** The key of figures not yet asked for: no query string is this. */
const WAITING = '\u0000waiting';

export class ShownFigures<Results> {
	// Raw: results are replaced whole, never changed in place, and a deep proxy would make every read of thousands of rows slow.
	shown = $state.raw<Shown<Results>>() as Shown<Results>;
	/** The query string being computed, while the figures shown still stand. */
	pending = $state<string | null>(null);
	#options: ShownOptions<Results>;
	#loadingTimer: ReturnType<typeof setTimeout> | undefined;
	#changedHere = false;

	constructor(options: ShownOptions<Results>) {
		this.#options = options;
		this.shown = { key: '', filters: options.prerendered.filters, status: 'ready', results: options.prerendered.results, error: null };
	}

	/** From now on, changes are the reader's own, made on the page: the figures stay until the new ones are ready. */
	changedHere() {
		this.#changedHere = true;
	}

	/**
	 * Shows the loading state while the filters cannot be read yet (a unit in
	 * the URL, before the list of units has come): never the figures of other
	 * filters as if they were the ones asked for. The next `show` goes on.
	 */
	wait() {
		clearTimeout(this.#loadingTimer);
		this.pending = WAITING;
		if (!this.#changedHere) this.shown = { ...this.shown, key: WAITING, status: 'loading', error: null };
	}

	/** Shows the figures for filters: at once if known, else once computed. */
	show(filters: Filters) {
		const wanted = filterSearch(filters);
		// Already on their way (asked for again as the URL catches up with a choice made on the page): kept so.
		if (this.pending === wanted) return;
		clearTimeout(this.#loadingTimer);
		this.pending = null;
		if (this.shown.key === wanted) return;
		const results = wanted === '' ? this.#options.prerendered.results : this.#options.known(filters);
		if (results !== undefined) {
			this.shown = { key: wanted, filters, status: 'ready', results, error: null };
			return;
		}
		this.pending = wanted;
		const loading: Shown<Results> = { ...this.shown, key: wanted, filters, status: 'loading', error: null };
		if (!this.#changedHere) this.shown = loading;
		else this.#loadingTimer = setTimeout(() => this.pending === wanted && (this.shown = loading), this.#options.loadingDelayMs);
		void this.#compute(wanted, filters);
	}

	async #compute(wanted: string, filters: Filters) {
		let next: Shown<Results>;
		try {
			next = { key: wanted, filters, status: 'ready', results: await this.#options.resultsFor(filters), error: null };
		} catch (error) {
			next = { ...this.shown, key: wanted, filters, status: 'error', error };
		}
		if (this.pending !== wanted) return;
		clearTimeout(this.#loadingTimer);
		this.pending = null;
		this.shown = next;
	}

	dispose() {
		clearTimeout(this.#loadingTimer);
	}
}

/**
 * Where a view's results come from: the build's answer for the filters
 * where it has one (no wait for the engine; undefined where it has none or
 * cannot be had), else the engine; each remembered in `cache` by view and
 * query string. States computed ahead of the reader (./ahead.ts) are kept
 * apart, in `ahead`, so that they never push out those the reader has seen;
 * the reader's own request takes one from there, finished or on its way.
 */
export function resultsSource<Results>(
	viewId: string,
	source: {
		answer: (filters: Filters) => Promise<unknown>;
		engine: (filters: Filters) => Promise<Results>;
		cache: ReturnType<typeof memo<unknown>>;
		ahead: ReturnType<typeof memo<unknown>>;
	},
) {
	const keyOf = (filters: Filters) => `${viewId}${filterSearch(filters)}`;
	return {
		resultsFor: (filters: Filters) =>
			source.cache.get(
				keyOf(filters),
				() =>
					source.ahead.peek(keyOf(filters)) ??
					(async () => {
						const answer = await source.answer(filters);
						return answer !== undefined ? answer : source.engine(filters);
					})(),
			) as Promise<Results>,
		known: (filters: Filters) => (source.cache.known(keyOf(filters)) ?? source.ahead.known(keyOf(filters))) as Results | undefined,
		/** Computes the results for filters ahead of the reader with `compute`, unless they are had or on their way. */
		computeAhead: (filters: Filters, compute: () => Promise<Results>): Promise<unknown> =>
			source.cache.peek(keyOf(filters)) ?? source.ahead.get(keyOf(filters), compute),
	};
}

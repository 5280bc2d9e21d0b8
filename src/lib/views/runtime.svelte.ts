/**
 * The view runtime: everything a view page needs between the URL and its
 * charts, so that a view only declares its queries (a ViewDefinition) and
 * draws its results.
 *
 * - The URL is the state: filters are parsed from the query string with zod;
 *   until the page is mounted it shows the prerendered default view, exactly
 *   as built (its results come from the build, computed by the same `load`).
 * - What shows as filters change (the loading delay, results that arrive
 *   too late, back and forward) is the state machine of ./shown.svelte.ts.
 *   A filter changed on the page is shown first, and put in the URL once
 *   painted (`choose`); a link on the page starts its query before its
 *   navigation (`prefetch`).
 * - `html.has-query` (set by src/lib/boot.js before first paint to hide the
 *   prerendered default figures) is removed once the view's own state shows.
 * - The common changes (a region, an organisation type, a funding, on their
 *   own) were computed at build time by the view's own `load`: each one's
 *   answer (src/routes/answers, ./answered.ts) is fetched when chosen (or
 *   ahead, below) and shown without waiting for the engine. Every other state runs on the engine.
 * - The engine is warmed on this view's own queries after first paint.
 * - Once the reader has been still for a moment, the states one change away
 *   (./ahead.ts) are made ready, so that the next change is drawn from
 *   results at hand: the build's answers among them fetched (up to a
 *   budget, without waiting for the engine), the others computed on the
 *   engine; `html[data-ahead]` then names the query string whose neighbours
 *   are done.
 * - A URL that names a unit shows the loading state until the list of
 *   units, which no page carries, has come to check it against.
 */
import { onMount, tick, untrack } from 'svelte';
import { parse } from 'devalue';
import { goto } from '$app/navigation';
import { base } from '$app/paths';
import { page } from '$app/state';
import { database } from '$lib/db/browser';
import { DEFAULT_FILTERS, filterSearch, parseFilters, type Filters } from '$lib/filters';
import { unitChoices } from '$lib/filters/unitChoices.svelte';
import { quarterStart } from '$lib/time';
import { memo } from '$lib/memo';
import type { Period, ViewContext, ViewDefinition } from './context';
import { answeredState, answerName } from './answered';
import { statesAhead } from './ahead';
import { resultsSource, ShownFigures } from './shown.svelte';
import { decodeRows, ROWS } from './transport';

export type { Shown, ViewStatus } from './shown.svelte';

/**
 * A change made on the page shows its loading state only when its figures
 * take longer than this; quicker answers replace the figures shown at once,
 * without a flash of empty charts.
 */
const LOADING_DELAY_MS = 150;
/**
 * How long the figures shown must have stood before the states one change
 * away are computed: a run of quick changes is left alone, and a reader's
 * change waits behind at most one of those statements.
 */
const AHEAD_AFTER_MS = 250;
/**
 * The engine time spent computing ahead for the figures shown. On a cube a
 * state costs 20-40 ms, so the overview computes all of its 80-odd states
 * at a hundred times the units; a view that lists every unit (80-200 ms a
 * state) computes the nearest dozen to thirty.
 */
const AHEAD_BUDGET_MS = 2500;

/**
 * How much of the build's answers (as text) may be fetched ahead for the
 * figures shown: at a hundred times the units, all 27 of the overview's
 * (460 kB, 5 kB each compressed), four of a view that lists every unit
 * (250 kB each). The engine computes the rest.
 */
const ANSWERS_AHEAD_CHARS = 1_000_000;
/** Answers fetched ahead at once. */
const ANSWERS_AT_ONCE = 4;
/** Results already computed, by view and query string, shared by every mount of a view. */
const computed = memo<unknown>(40);
/** Results computed ahead of the reader, by view and query string: at most one neighbourhood's worth. */
const aheadOfReader = memo<unknown>(100);

export function runView<Results>(view: ViewDefinition<Results>, data: () => { results: Results; context: ViewContext }) {
	let mounted = $state(false);
	const context = $derived(data().context);
	const choiceSets = $derived({
		quarters: context.choices.quarters,
		regions: context.choices.regions.map((r) => r.value),
		units: (unitChoices.list ?? []).map((u) => u.value),
	});
	// A unit named in the URL is read once the list of units it must be one of has come.
	const waitingForUnits = $derived(mounted && unitChoices.list === null && page.url.searchParams.has('unit'));
	const parsed = $derived(mounted && !waitingForUnits ? parseFilters(page.url.searchParams, choiceSets, view.options) : { filters: DEFAULT_FILTERS, rejected: [] });

	const { resultsFor, known, computeAhead } = resultsSource<Results>(view.id, {
		answer: (filters) => answerOf(view.id, filters, context),
		engine: async (filters) => {
			const db = await database();
			// The engine's own share of a change, apart from drawing it: a User Timing entry the benchmark reads.
			const start = performance.now();
			try {
				return await view.load(db, filters, context);
			} finally {
				performance.measure(`engine:${view.id}`, { start });
			}
		},
		cache: computed,
		ahead: aheadOfReader,
	});
	// svelte-ignore state_referenced_locally
	const figures = new ShownFigures<Results>({ prerendered: { filters: DEFAULT_FILTERS, results: data().results }, resultsFor, known, loadingDelayMs: LOADING_DELAY_MS });

	/**
	 * Filters chosen on the page whose navigation has not run yet. Their
	 * figures are shown first, and the URL follows once they (or their
	 * loading state) are painted: a navigation reads the scroll position,
	 * which lays the page out, and runs the router, 5-13 ms that a change at a
	 * hundred times the units spent before its charts were drawn, or while
	 * its answer was on its way.
	 */
	let chosen = $state.raw<Filters | null>(null);
	$effect(() => {
		const filters = chosen;
		if (filters === null || figures.shown.key !== filterSearch(filters)) return;
		untrack(() =>
			afterPaint(() => {
				if (chosen !== filters) return;
				void goto(`${page.url.pathname}${filterSearch(filters)}`, { keepFocus: true, noScroll: true }).finally(() => {
					if (chosen === filters) chosen = null;
				});
			}),
		);
	});

	// The URL decides (the filter bar, links, back and forward all change it), but for a choice on its way to it.
	$effect(() => {
		const [filters, waiting] = [chosen ?? parsed.filters, chosen === null && waitingForUnits];
		untrack(() => {
			if (!waiting) return figures.show(filters);
			figures.wait();
			void unitChoices.load();
		});
	});

	/** The engine, once warmed on the state first shown; the states ahead wait for it. */
	let engineWarmed: (warming: Promise<unknown>) => void = () => {};
	const warmed = new Promise<unknown>((resolve) => (engineWarmed = resolve));
	/** Counts the figures shown: computing ahead for one stops when the next comes (or the page goes). */
	let lookingAhead = 0;
	$effect(() => {
		const generation = ++lookingAhead;
		const { status, filters } = figures.shown;
		if (!mounted || status !== 'ready' || figures.pending !== null) return;
		const timer = setTimeout(() => void untrack(() => lookAhead(generation, filters)), AHEAD_AFTER_MS);
		return () => clearTimeout(timer);
	});

	/** Computes the states one change away from `filters`, nearest first, until the reader moves or the budget is spent. */
	async function lookAhead(generation: number, filters: Filters) {
		const choices = { quarters: context.choices.quarters, regions: context.choices.regions.map((r) => r.value) };
		const states = statesAhead(filters, choices, context.period);
		// The build's answers first, nearest first: a fetch each, where the engine computes for 20-200 ms a state at a
		// hundred times the units. They need no engine, so they come while it starts (2-4 s at a hundred times the
		// units): a reader's first change among them is drawn at once, not after a fetch in the midst of that start.
		const answered = states.filter((next) => isAnswered(next, context));
		let answerChars = 0;
		for (let i = 0; i < answered.length && answerChars < ANSWERS_AHEAD_CHARS; i += ANSWERS_AT_ONCE) {
			if (generation !== lookingAhead) return;
			await Promise.all(
				answered.slice(i, i + ANSWERS_AT_ONCE).map((next) =>
					computeAhead(next, async () => {
						const answer = await fetchAnswer(view.id, next);
						// One that cannot be had is computed once the engine is ready (a reader who chose it meanwhile waits for that).
						if (answer === undefined) return warmed.then(async () => view.load((await database()).warming, next, context));
						answerChars += answer.chars;
						// Written by this view's own `load` at build time.
						return answer.results as Results;
					}).catch(() => {}),
				),
			);
		}
		if (!(await warmed.then(() => true, () => false)) || generation !== lookingAhead) return;
		// Never fetches units' rows the reader has not asked for: a state that needs them is left to the reader.
		const db = (await database()).warming;
		let spent = 0;
		for (const next of states) {
			if (generation !== lookingAhead) return;
			if (spent > AHEAD_BUDGET_MS) break;
			// A state already at hand is kept (the memo keeps longest what was asked for last), not computed again.
			const started = performance.now();
			// A state that fails here (or needs units' rows not fetched) is left to the reader, who would see why.
			await computeAhead(next, () => view.load(db, next, context)).catch(() => {});
			spent += performance.now() - started;
		}
		// For the browser tests and the benchmark: the figures whose states one change away are computed.
		if (generation === lookingAhead) document.documentElement.dataset.ahead = filterSearch(filters);
	}

	onMount(() => {
		mounted = true;
		// Once this view's own state is rendered (its figures, or loading), the prerendered default no longer needs hiding.
		void tick().then(() => document.documentElement.classList.remove('has-query'));
		const start = () => {
			// A unit in the URL is the state shown once the units it is checked against have come; until then the page
			// parses to the whole country, whose warming would fetch every unit's rows for a page that shows one unit's.
			const unitsChecked = page.url.searchParams.has('unit') ? unitChoices.load() : Promise.resolve();
			const warming = unitsChecked.then(() => warmUp(view, context, untrack(() => parsed.filters)));
			engineWarmed(warming);
			warming.then(
				() => (document.documentElement.dataset.engine = 'ready'),
				() => (document.documentElement.dataset.engine = 'failed'),
			);
		};
		// Off the critical path of first paint.
		if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 500 });
		else setTimeout(start, 0);
		return () => {
			lookingAhead++;
			figures.dispose();
		};
	});

	return {
		get filters() {
			return chosen ?? parsed.filters;
		},
		/** Filter keys in the URL that were refused, for the notice. */
		get rejected() {
			return parsed.rejected;
		},
		get shown() {
			return figures.shown;
		},
		get busy() {
			return figures.pending !== null;
		},
		get context() {
			return context;
		},
		/** The quarters of the figures shown (the filters, or the default period where they leave it open). */
		get shownPeriod(): Period {
			return { from: figures.shown.filters.from ?? context.period.from, to: figures.shown.filters.to ?? context.period.to };
		},
		/** The first day of the first quarter shown: series reach a year further back, for the change. */
		get shownFrom() {
			return quarterStart(figures.shown.filters.from ?? context.period.from);
		},
		/** Starts computing the view for filters about to be navigated to (errors are shown when it is). */
		prefetch(filters: Filters) {
			figures.changedHere();
			if (filterSearch(filters) !== '') resultsFor(filters).catch(() => {});
		},
		/**
		 * Shows the view for other filters, then navigates to their URL (keeping
		 * focus and scroll) once they are painted (see `chosen`).
		 */
		choose(filters: Filters) {
			figures.changedHere();
			chosen = filters;
		},
	};
}

export type ViewState<Results> = ReturnType<typeof runView<Results>>;

/** Runs `work` once the next frame is painted (or after 100 ms, where no frame comes: a hidden tab). */
function afterPaint(work: () => void) {
	let done = false;
	const once = () => {
		if (done) return;
		done = true;
		work();
	};
	requestAnimationFrame(() => setTimeout(once, 0));
	setTimeout(once, 100);
}

/**
 * The build's answer for the filters, where they are a state it answered
 * (./answered.ts): fetched when chosen; undefined for any other state, or
 * if it cannot be had (the engine answers then). Kept by the caller's cache.
 */
async function answerOf(viewId: string, filters: Filters, context: ViewContext): Promise<unknown> {
	return isAnswered(filters, context) ? (await fetchAnswer(viewId, filters))?.results : undefined;
}

const isAnswered = (filters: Filters, context: ViewContext) => answeredState(context.choices.regions.map((r) => r.value), answerName(filters)) !== undefined;

/** An answered state's results from the build, and the length of their text; undefined if they cannot be had. */
async function fetchAnswer(viewId: string, filters: Filters): Promise<{ results: unknown; chars: number } | undefined> {
	try {
		const response = await fetch(`${base}/answers/${viewId}/${answerName(filters)}.json`);
		if (!response.ok) return undefined;
		const text = await response.text();
		return { results: parse(text, { [ROWS]: decodeRows }), chars: text.length };
	} catch {
		return undefined;
	}
}

/**
 * WebAssembly and JavaScript start on baseline code and are compiled to fast
 * code only once they have run for a while: a first filter change on a cold
 * engine took twice as long as the fifth. So the view's queries run first
 * for the state shown, fetching what it reads: the units' rows its unit
 * table lists (every unit's on the whole country), which the reader's next
 * change most likely reads too (another period of the same units), where
 * fetching them then made that change wait 1.4-1.6 s at a hundred times the
 * units. The states one change away, computed next (lookAhead), warm it on
 * the rest.
 */
async function warmUp<Results>(view: ViewDefinition<Results>, context: ViewContext, shown: Filters) {
	await view.load(await database(), shown, context);
}

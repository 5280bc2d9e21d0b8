/**
 * The view runtime's state machine (src/lib/views/shown.svelte.ts) with fake
 * timers and a fake engine whose answers arrive when the test says: the
 * loading delay, results that arrive too late, the build's answers before
 * the engine, back and forward, failures, and states computed ahead of the
 * reader.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS, filterSearch, type Filters } from '$lib/filters';
import { memo } from '$lib/memo';
import { resultsSource, ShownFigures } from '$lib/views/shown.svelte';

type Results = { figure: string };

const region = (code: string): Filters => ({ ...DEFAULT_FILTERS, region: code });
const DELAY = 150;

/** An engine whose every computation waits until the test settles it. */
function fakeEngine() {
	const calls: { filters: Filters; resolve: (r: Results) => void; reject: (e: unknown) => void }[] = [];
	const engine = (filters: Filters) => new Promise<Results>((resolve, reject) => calls.push({ filters, resolve, reject }));
	const settle = async (code: string, results: Results | Error) => {
		// The engine is asked once the build's answers are read.
		await vi.advanceTimersByTimeAsync(0);
		const call = calls.findLast((c) => c.filters.region === code);
		if (!call) throw new Error(`no computation for ${code}`);
		if (results instanceof Error) call.reject(results);
		else call.resolve(results);
		// Let the awaits in the machine run.
		await vi.advanceTimersByTimeAsync(0);
	};
	return { engine, calls, settle };
}

function machine(answers: Record<string, unknown> = {}) {
	const fake = fakeEngine();
	const ahead = memo<unknown>(2);
	const source = resultsSource<Results>('view', { answer: async (filters) => answers[filterSearch(filters)], engine: fake.engine, cache: memo<unknown>(10), ahead });
	const figures = new ShownFigures<Results>({ prerendered: { filters: DEFAULT_FILTERS, results: { figure: 'country' } }, ...source, loadingDelayMs: DELAY });
	return { figures, computeAhead: source.computeAhead, ahead, ...fake };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("the view runtime's state machine", () => {
	it('shows the prerendered figures for the default filters, with nothing computed', () => {
		const { figures, calls } = machine();
		figures.show(DEFAULT_FILTERS);
		expect(figures.shown).toMatchObject({ key: '', status: 'ready', results: { figure: 'country' } });
		expect(calls).toHaveLength(0);
	});

	it('a link opened with filters shows loading from the start, never the default figures as its own', async () => {
		const { figures, settle } = machine();
		figures.show(region('01'));
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'loading' });
		await settle('01', { figure: 'Stockholm' });
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'ready', results: { figure: 'Stockholm' } });
		expect(figures.pending).toBeNull();
	});

	it('a URL that cannot be read yet (a unit, before the list of units) shows loading, not the default figures, and goes on when it can', async () => {
		const { figures, settle } = machine();
		figures.wait();
		expect(figures.shown).toMatchObject({ status: 'loading' });
		expect(figures.pending).not.toBeNull();
		// The unit was refused: the default figures, as the default view's own.
		figures.show(DEFAULT_FILTERS);
		expect(figures.shown).toMatchObject({ key: '', status: 'ready', results: { figure: 'country' } });
		expect(figures.pending).toBeNull();
		// Or the filters it names are computed as any link's.
		figures.wait();
		figures.show(region('02'));
		expect(figures.shown).toMatchObject({ key: '?region=02', status: 'loading' });
		await settle('02', { figure: 'Uppsala' });
		expect(figures.shown).toMatchObject({ key: '?region=02', status: 'ready', results: { figure: 'Uppsala' } });
	});

	it('a change made on the page keeps the figures shown for the loading delay, then shows loading', async () => {
		const { figures, settle } = machine();
		figures.changedHere();
		figures.show(region('01'));
		expect(figures.shown).toMatchObject({ key: '', status: 'ready', results: { figure: 'country' } });
		expect(figures.pending).toBe('?region=01');
		await vi.advanceTimersByTimeAsync(DELAY - 1);
		expect(figures.shown.status).toBe('ready');
		await vi.advanceTimersByTimeAsync(1);
		// Loading, with the figures before kept in place (hidden) beside it.
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'loading', results: { figure: 'country' } });
		await settle('01', { figure: 'Stockholm' });
		expect(figures.shown).toMatchObject({ status: 'ready', results: { figure: 'Stockholm' } });
	});

	it('filters asked for again while on their way (the URL catching up with a choice) keep their computation, and show once it is done', async () => {
		const { figures, calls, settle } = machine();
		figures.changedHere();
		figures.show(region('01'));
		await vi.advanceTimersByTimeAsync(DELAY);
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'loading' });
		figures.show(region('01'));
		expect(figures.pending).toBe('?region=01');
		await settle('01', { figure: 'Stockholm' });
		expect(calls).toHaveLength(1);
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'ready', results: { figure: 'Stockholm' } });
	});

	it('an answer quicker than the loading delay replaces the figures with no loading state at all', async () => {
		const { figures, settle } = machine();
		figures.changedHere();
		figures.show(region('01'));
		await vi.advanceTimersByTimeAsync(DELAY - 50);
		await settle('01', { figure: 'Stockholm' });
		expect(figures.shown).toMatchObject({ status: 'ready', results: { figure: 'Stockholm' } });
		// The timer was cleared: it does not bring loading back afterwards.
		await vi.advanceTimersByTimeAsync(DELAY * 2);
		expect(figures.shown.status).toBe('ready');
	});

	it('results that arrive after the reader has moved on are dropped', async () => {
		const { figures, settle } = machine();
		figures.changedHere();
		figures.show(region('01'));
		figures.show(region('03'));
		await settle('01', { figure: 'Stockholm' });
		expect(figures.shown.results).toEqual({ figure: 'country' });
		expect(figures.pending).toBe('?region=03');
		await settle('03', { figure: 'Uppsala' });
		expect(figures.shown).toMatchObject({ key: '?region=03', status: 'ready', results: { figure: 'Uppsala' } });
	});

	it("the build's answers show without waiting for the engine", async () => {
		const { figures, calls } = machine({ '?region=01': { figure: 'Stockholm, from the build' } });
		figures.changedHere();
		figures.show(region('01'));
		await vi.advanceTimersByTimeAsync(0);
		expect(figures.shown).toMatchObject({ status: 'ready', results: { figure: 'Stockholm, from the build' } });
		expect(calls).toHaveLength(0);
	});

	it('back and forward to figures computed before show them at once, without computing again', async () => {
		const { figures, calls, settle } = machine();
		figures.changedHere();
		figures.show(region('01'));
		await settle('01', { figure: 'Stockholm' });
		figures.show(DEFAULT_FILTERS);
		expect(figures.shown).toMatchObject({ key: '', status: 'ready', results: { figure: 'country' } });
		figures.show(region('01'));
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'ready', results: { figure: 'Stockholm' } });
		expect(figures.pending).toBeNull();
		expect(calls).toHaveLength(1);
	});

	it('a failure shows the error and keeps the figures before; the same filters can be tried again', async () => {
		const { figures, calls, settle } = machine();
		figures.changedHere();
		figures.show(region('01'));
		await settle('01', new Error('engine failed'));
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'error', results: { figure: 'country' } });
		expect((figures.shown.error as Error).message).toBe('engine failed');
		figures.show(DEFAULT_FILTERS);
		figures.show(region('01'));
		await settle('01', { figure: 'Stockholm' });
		expect(calls).toHaveLength(2);
		expect(figures.shown).toMatchObject({ status: 'ready', results: { figure: 'Stockholm' } });
	});

	it('once disposed, a pending loading state is never shown', async () => {
		const { figures } = machine();
		figures.changedHere();
		figures.show(region('01'));
		figures.dispose();
		await vi.advanceTimersByTimeAsync(DELAY * 2);
		expect(figures.shown).toMatchObject({ key: '', status: 'ready' });
	});

	it('a state computed ahead of the reader shows at once when chosen, without computing again', async () => {
		const { figures, computeAhead, calls } = machine();
		let aheadRuns = 0;
		await computeAhead(region('03'), async () => (aheadRuns++, { figure: 'Östergötland, ahead' }));
		figures.changedHere();
		figures.show(region('03'));
		expect(figures.shown).toMatchObject({ key: '?region=03', status: 'ready', results: { figure: 'Östergötland, ahead' } });
		expect(figures.pending).toBeNull();
		// Asked for again (the URL catching up), it is not computed again, ahead or by the engine.
		await computeAhead(region('03'), async () => (aheadRuns++, { figure: 'again' }));
		expect([aheadRuns, calls.length]).toEqual([1, 0]);
	});

	it('a state chosen while it is being computed ahead waits for that computation rather than starting another', async () => {
		const { figures, computeAhead, calls } = machine();
		let finish: (results: Results) => void = () => {};
		void computeAhead(region('04'), () => new Promise<Results>((resolve) => (finish = resolve)));
		figures.changedHere();
		figures.show(region('04'));
		expect(figures.pending).toBe('?region=04');
		finish({ figure: 'Jönköping, ahead' });
		await vi.advanceTimersByTimeAsync(0);
		expect(figures.shown).toMatchObject({ key: '?region=04', status: 'ready', results: { figure: 'Jönköping, ahead' } });
		expect(calls).toHaveLength(0);
	});

	it('states computed ahead never push out those the reader has seen, and a failed one is left to the reader', async () => {
		const { figures, computeAhead, settle, calls } = machine();
		figures.changedHere();
		figures.show(region('01'));
		await settle('01', { figure: 'Stockholm' });
		// Three states ahead in a memory of two: the first is forgotten, the reader's is not.
		for (const code of ['05', '06', '07']) await computeAhead(region(code), async () => ({ figure: code }));
		await computeAhead(region('08'), () => Promise.reject(new Error('needs parts not fetched'))).catch(() => {});
		figures.show(region('01'));
		expect(figures.shown).toMatchObject({ key: '?region=01', status: 'ready', results: { figure: 'Stockholm' } });
		figures.show(region('07'));
		expect(figures.shown).toMatchObject({ key: '?region=07', status: 'ready', results: { figure: '07' } });
		figures.show(region('05'));
		expect(figures.pending).toBe('?region=05');
		figures.show(region('08'));
		expect(figures.pending).toBe('?region=08');
		await settle('08', { figure: 'Kalmar' });
		expect(figures.shown).toMatchObject({ key: '?region=08', status: 'ready', results: { figure: 'Kalmar' } });
		expect(calls.map((c) => c.filters.region)).toEqual(['01', '05', '08']);
	});
});

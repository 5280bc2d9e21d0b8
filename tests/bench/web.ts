/**
 * npm run bench:web — builds the site on the demo data and on ten times its
 * units (a national rollout, --units-scale 10) and, for each view, with
 * Chromium and a cold cache (a fresh browser each run), measures as a reader
 * feels it:
 * - the first chart, from navigation, and the bytes sent before it;
 * - the first filter change, made half a second after the first chart,
 *   whether or not the engine is ready or warm;
 * - four more region changes once the engine is ready;
 * - eight combined changes that no single filter names, each from the last:
 *   a region with a first quarter, then an organisation type, a funding, the
 *   whole country, a last quarter (a whole period), … (COMBINED);
 * - the time to every chart redrawn with the new figures, median and 95th
 *   percentile over the single changes and over the combined ones of all runs,
 *   and of the combined ones the engine's own time (its queries, apart from
 *   drawing: the runtime's `engine:<view>` User Timing measures);
 * - the bytes the page fetched (the engine's own files aside, which its
 *   worker fetches) before the first combined change was drawn, the marts it
 *   fetched by the end, and the JavaScript heap after those thirteen changes.
 * Before each change after the first the reader looks at the figures for
 * READER_PAUSE_MS (BENCH_PAUSE_MS; 0 for changes as fast as the page
 * allows), the time the view runtime has to compute the states one change
 * away.
 * Medians of RUNS runs, as JSON. BENCH_UNITS=1,10,100 chooses the scales.
 * BENCH_SITE=<folder> measures a site already built there instead (a hundred
 * times the units takes over an hour to build): its scale is read from its
 * manifest.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../src/server/static-server.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { buildSite } from '../support/build-site.ts';
import { ROUTES } from '../../src/lib/views/routes.js';

const RUNS = 5;
/** How long a reader looks at the figures before changing a filter again. */
const READER_PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 1000);
/** Units scales measured: the demo, and ten times its units. */
const SCALES = (process.env.BENCH_UNITS ?? '1,10').split(',').map(Number);
/** The views measured. */
// Every view of the route registry, or those BENCH_VIEWS names.
const VIEWS = process.env.BENCH_VIEWS?.split(',') ?? ROUTES.filter((route) => !route.text).map((route) => route.path);
const percentile = (values: number[], p: number) => {
	const sorted = values.slice().sort((a, b) => a - b);
	return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! * 10) / 10;
};
const median = (values: number[]) => percentile(values, 0.5);

interface Run {
	first_chart_ms: number;
	all_charts_ms: number;
	engine_ready_ms: number;
	bytes_before_first_chart: number;
	bytes_until_engine_ready: number;
	/** The first filter change, half a second after the first chart, and whether the engine was ready then. */
	first_change_ms: number;
	engine_ready_at_first_change: boolean;
	/** Four region changes once the engine is ready. */
	later_changes_ms: number[];
	/** Changes of several filters together (COMBINED), in turn. */
	combined_changes_ms: number[];
	/** Of each, the engine's own time (the view's queries, the runtime's `engine:` measure), apart from drawing. */
	combined_engine_ms: number[];
	bytes_before_first_combined_change: number;
	/** The marts and parts of marts fetched (data/*.arrow, data/<mart>/part-*.arrow) by the end of the run. */
	marts_fetched: string[];
	js_heap_mb: number;
}

/**
 * The combined changes, each from the state the last left: [filter, the
 * option's index (0 for all), and the query string then], in the URL's order
 * of keys (from, to, region, org, funding).
 */
const COMBINED: readonly [filter: string, option: number, search: (from: string, to: string) => string][] = [
	['from', 4, (f) => `?from=${f}&region=03`],
	['org', 1, (f) => `?from=${f}&region=03&org=municipal`],
	['funding', 2, (f) => `?from=${f}&region=03&org=municipal&funding=project`],
	['region', 0, (f) => `?from=${f}&org=municipal&funding=project`],
	['to', 24, (f, t) => `?from=${f}&to=${t}&org=municipal&funding=project`],
	['org', 0, (f, t) => `?from=${f}&to=${t}&funding=project`],
	['region', 14, (f, t) => `?from=${f}&to=${t}&region=__&funding=project`],
	['funding', 0, (f, t) => `?from=${f}&to=${t}&region=__`],
];

/** The main thread's downloads so far, as sent (compressed, with headers): the page and its resources. */
const PAGE_BYTES = `(() => {
	const [document] = performance.getEntriesByType('navigation');
	return document.transferSize + performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, 0);
})()`;

// Before any of the page's scripts: note when charts are first in the document, drawn ("ready").
const OBSERVE = `
	window.__bench = {};
	const note = () => {
		const charts = [...document.querySelectorAll('[data-chart]')];
		const ready = charts.filter((c) => c.getAttribute('data-state') === 'ready').length;
		if (ready > 0 && window.__bench.first === undefined) window.__bench.first = performance.now();
		if (charts.length > 0 && ready === charts.length && window.__bench.all === undefined) window.__bench.all = performance.now();
	};
	new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
`;

// Sets a filter and resolves with the time until the figures shown are those
// of the expected query string, every chart drawn, and the page painted: a
// task posted from the next animation frame runs once that frame's style,
// layout and paint are done (an animation frame's callback runs before them:
// resolving there left out the 5-25 ms the browser took to show the change),
// and, posted as user-blocking, before other tasks waiting (the URL update
// that waits for the paint).
// A string, not a function: the TypeScript loader would add helpers the page lacks.
const FILTER_CHANGE = (filter: string, value: string, expected: string) => `new Promise((resolve) => {
	const select = document.querySelector('#filter-${filter}');
	const figures = document.querySelector('[data-view]');
	const done = () =>
		figures.getAttribute('data-view') === '${expected}' &&
		[...document.querySelectorAll('[data-chart]')].every((c) => ['ready', 'empty'].includes(c.getAttribute('data-state')));
	const started = performance.now();
	const observer = new MutationObserver(() => {
		if (!done()) return;
		observer.disconnect();
		requestAnimationFrame(() => scheduler.postTask(() => resolve(performance.now() - started), { priority: 'user-blocking' }));
	});
	observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-view'] });
	select.value = '${value}';
	select.dispatchEvent(new Event('change', { bubbles: true }));
})`;
const REGION = (region: string) => FILTER_CHANGE('region', region, `?region=${region}`);

/** Bytes the server has sent, counted on its sockets: the worker's downloads (the engine) included. */
function sentBytes(server: Server) {
	const sockets = new Set<Socket>();
	let closed = 0;
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => {
			closed += socket.bytesWritten;
			sockets.delete(socket);
		});
	});
	return () => closed + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0);
}

async function measure(baseUrl: string, path: string, sent: () => number): Promise<Run> {
	const browser = await launchBrowser();
	try {
		// The harness evaluates its probes as strings; the site's CSP would refuse them.
		const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, bypassCSP: true });
		const page = await context.newPage();
		await page.addInitScript(OBSERVE);

		const before = sent();
		await page.goto(`${baseUrl}${path}`);
		await page.waitForFunction('window.__bench.all !== undefined');
		// The page itself and every resource received before the first chart, as sent (compressed, with headers);
		// the server's count, read later, would include what came after it.
		const bytesBeforeFirstChart = (await page.evaluate(`(() => {
			const [document] = performance.getEntriesByType('navigation');
			const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= window.__bench.first);
			return document.transferSize + before.reduce((sum, r) => sum + r.transferSize, 0);
		})()`)) as number;
		// A chart counts as shown once it is in the document and the page has painted.
		const paint = (await page.evaluate(`(() => {
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
			return { first: Math.max(window.__bench.first, fcp), all: Math.max(window.__bench.all, fcp) };
		})()`)) as { first: number; all: number };

		// The reader changes a filter half a second after the page appears, engine ready or not.
		await page.waitForTimeout(500);
		const engineReadyAtFirst = (await page.evaluate("document.documentElement.dataset.engine === 'ready'")) as boolean;
		const firstChange = (await page.evaluate(REGION('14'))) as number;

		await page.waitForFunction("document.documentElement.dataset.engine === 'ready'", undefined, { timeout: 120_000 });
		const engine = (await page.evaluate('performance.now()')) as number;
		const bytes = sent() - before;
		const later: number[] = [];
		for (const region of ['01', '12', '25', '03']) {
			await page.waitForTimeout(READER_PAUSE_MS);
			later.push((await page.evaluate(REGION(region))) as number);
		}
		// Filters together: none is among the build's answers, so the engine computes each.
		const option = (filter: string, index: number) => page.evaluate(`document.querySelector('#filter-${filter}').options[${index}].value`) as Promise<string>;
		const [from, to, region] = [await option('from', 4), await option('to', 24), await option('region', 14)];
		const combined: number[] = [];
		const combinedEngine: number[] = [];
		const engineMeasures = () => page.evaluate(`performance.getEntriesByType('measure').filter((m) => m.name.startsWith('engine:')).map((m) => m.duration)`) as Promise<number[]>;
		let bytesBeforeCombined = 0;
		for (const [filter, index, search] of COMBINED) {
			const value = await option(filter, index);
			await page.waitForTimeout(READER_PAUSE_MS);
			const measuredBefore = (await engineMeasures()).length;
			combined.push((await page.evaluate(FILTER_CHANGE(filter, value, search(from, to).replace('__', region)))) as number);
			combinedEngine.push((await engineMeasures()).slice(measuredBefore).reduce((sum, ms) => sum + ms, 0));
			if (combined.length === 1) bytesBeforeCombined = (await page.evaluate(PAGE_BYTES)) as number;
		}
		const marts = (await page.evaluate(
			// A part of a mart (unit_quarter/part-003.arrow) by its path under data/.
			`performance.getEntriesByType('resource').map((r) => r.name).filter((name) => /\\/data\\/.+\\.arrow$/.test(name)).map((name) => name.split('/data/').pop())`,
		)) as string[];
		const cdp = await context.newCDPSession(page);
		await cdp.send('HeapProfiler.collectGarbage');
		const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
		await context.close();
		return {
			first_chart_ms: paint.first,
			all_charts_ms: paint.all,
			engine_ready_ms: engine,
			bytes_before_first_chart: bytesBeforeFirstChart,
			bytes_until_engine_ready: bytes,
			first_change_ms: firstChange,
			engine_ready_at_first_change: engineReadyAtFirst,
			later_changes_ms: later,
			combined_changes_ms: combined,
			combined_engine_ms: combinedEngine,
			bytes_before_first_combined_change: bytesBeforeCombined,
			marts_fetched: [...new Set(marts)].sort(),
			js_heap_mb: Math.round(usedSize / 2 ** 20),
		};
	} finally {
		await browser.close();
	}
}

/** A site built before, as buildSite describes one: its units and report rows from its manifest. */
function builtSite(buildDir: string) {
	const manifest = JSON.parse(readFileSync(join(buildDir, 'data', 'manifest.json'), 'utf8')) as { inputs: { unit_rows: number; report_rows: number } };
	return { buildDir, units: manifest.inputs.unit_rows, reportRows: manifest.inputs.report_rows };
}

/** Builds the site at one scale (or takes the one at BENCH_SITE) and measures it. */
async function benchScale(scale: number): Promise<Record<string, unknown>> {
	const root = mkdtempSync(join(tmpdir(), `ips-bench-web-${scale}-`));
	try {
		const built = process.env.BENCH_SITE;
		const site = built ? builtSite(built) : await buildSite(root, { seed: 1, from: '2015-01', to: '2026-10', scale: 1, unitsScale: scale });
		const server = await serveStatic(site.buildDir, 0);
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const sent = sentBytes(server);
		const views: Record<string, unknown> = {};
		for (const path of VIEWS) {
			await measure(baseUrl, path, sent); // warms the server's gzip cache, not the browser's
			const runs: Run[] = [];
			for (let i = 0; i < RUNS; i++) runs.push(await measure(baseUrl, path, sent));
			const changes = runs.flatMap((r) => [r.first_change_ms, ...r.later_changes_ms]);
			const combined = runs.flatMap((r) => r.combined_changes_ms);
			views[path] = {
				first_chart_ms: median(runs.map((r) => r.first_chart_ms)),
				all_charts_ms: median(runs.map((r) => r.all_charts_ms)),
				bytes_before_first_chart: median(runs.map((r) => r.bytes_before_first_chart)),
				first_change_ms: median(runs.map((r) => r.first_change_ms)),
				engine_ready_at_first_change: runs.filter((r) => r.engine_ready_at_first_change).length,
				change_median_ms: median(changes),
				change_p95_ms: percentile(changes, 0.95),
				combined_change_median_ms: median(combined),
				combined_change_p95_ms: percentile(combined, 0.95),
				combined_engine_median_ms: median(runs.flatMap((r) => r.combined_engine_ms)),
				combined_engine_p95_ms: percentile(runs.flatMap((r) => r.combined_engine_ms), 0.95),
				/** Of the combined changes, those drawn without the engine: computed ahead while the reader looked. */
				combined_without_engine: runs.flatMap((r) => r.combined_engine_ms).filter((ms) => ms === 0).length,
				bytes_before_first_combined_change: median(runs.map((r) => r.bytes_before_first_combined_change)),
				marts_fetched: runs[0]!.marts_fetched,
				js_heap_mb_after_changes: median(runs.map((r) => r.js_heap_mb)),
				engine_ready_ms: median(runs.map((r) => r.engine_ready_ms)),
				bytes_until_engine_ready: median(runs.map((r) => r.bytes_until_engine_ready)),
			};
		}
		server.close();
		return { units_scale: built ? null : scale, site: built ?? null, units: site.units, report_rows: site.reportRows, runs: RUNS, reader_pause_ms: READER_PAUSE_MS, views };
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

const results = [];
for (const scale of process.env.BENCH_SITE ? [0] : SCALES) results.push(await benchScale(scale));
console.log(JSON.stringify({ benchmark: 'web', cold_cache: true, results }, null, 2));

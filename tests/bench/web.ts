/**
 * npm run bench:web — builds the site on demo data at scale 1 and 10 and, for
 * each view, with Chromium and a cold cache (a fresh browser each run),
 * measures: time from navigation to the first chart and to all charts
 * painted, bytes transferred until the engine is ready, and time from a
 * filter change to every chart redrawn (five changes a run: the first on its
 * own, and the median of all). Medians of RUNS runs, as JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../src/server/static-server.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { buildSite } from '../support/build-site.ts';

const RUNS = 5;
const SCALES = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number);
/** The views measured. */
const VIEWS = (process.env.BENCH_VIEWS ?? '/,/coverage,/waitlists,/outcomes,/staffing,/survival,/sites').split(',');
const median = (values: number[]) => {
	const sorted = values.slice().sort((a, b) => a - b);
	return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
};

interface Run {
	first_chart_ms: number;
	all_charts_ms: number;
	engine_ready_ms: number;
	bytes: number;
	/** The first filter change after the engine is ready, then the following ones. */
	filter_changes_ms: number[];
}

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

// Changes the region and resolves with the time until the figures shown are
// the new region's, every chart drawn, and the page painted.
// A string, not a function: the TypeScript loader would add helpers the page lacks.
const FILTER_CHANGE = (region: string) => `new Promise((resolve) => {
	const select = document.querySelector('#filter-region');
	const figures = document.querySelector('[data-view]');
	const done = () =>
		figures.getAttribute('data-view') === '?region=${region}' &&
		[...document.querySelectorAll('[data-chart]')].every((c) => ['ready', 'empty'].includes(c.getAttribute('data-state')));
	const started = performance.now();
	const observer = new MutationObserver(() => {
		if (!done()) return;
		observer.disconnect();
		requestAnimationFrame(() => resolve(performance.now() - started));
	});
	observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state', 'data-view'] });
	select.value = '${region}';
	select.dispatchEvent(new Event('change', { bubbles: true }));
})`;

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
		// A chart counts as shown once it is in the document and the page has painted.
		const paint = (await page.evaluate(`(() => {
			const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
			return { first: Math.max(window.__bench.first, fcp), all: Math.max(window.__bench.all, fcp) };
		})()`)) as { first: number; all: number };
		await page.waitForFunction("document.documentElement.dataset.engine === 'ready'", undefined, { timeout: 120_000 });
		const engine = (await page.evaluate('performance.now()')) as number;
		const bytes = sent() - before;

		// The first change after the engine is ready, then four more on the same page.
		const changes: number[] = [];
		for (const region of ['14', '01', '12', '25', '03']) changes.push((await page.evaluate(FILTER_CHANGE(region))) as number);
		await context.close();
		return { first_chart_ms: paint.first, all_charts_ms: paint.all, engine_ready_ms: engine, bytes, filter_changes_ms: changes };
	} finally {
		await browser.close();
	}
}

/** Builds the site at one scale and measures it. */
async function benchScale(scale: number): Promise<Record<string, unknown>> {
	const root = mkdtempSync(join(tmpdir(), `ips-bench-web-${scale}-`));
	try {
		const site = await buildSite(root, { seed: 1, from: '2015-01', to: '2026-10', scale });
		const server = await serveStatic(site.buildDir, 0);
		const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const sent = sentBytes(server);
		const views: Record<string, unknown> = {};
		for (const path of VIEWS) {
			await measure(baseUrl, path, sent); // warms the server's gzip cache, not the browser's
			const runs: Run[] = [];
			for (let i = 0; i < RUNS; i++) runs.push(await measure(baseUrl, path, sent));
			views[path] = {
				first_chart_ms: median(runs.map((r) => r.first_chart_ms)),
				all_charts_ms: median(runs.map((r) => r.all_charts_ms)),
				engine_ready_ms: median(runs.map((r) => r.engine_ready_ms)),
				bytes_transferred: median(runs.map((r) => r.bytes)),
				filter_change_first_ms: median(runs.map((r) => r.filter_changes_ms[0]!)),
				filter_change_ms: median(runs.flatMap((r) => r.filter_changes_ms)),
				filter_change_later_ms: median(runs.flatMap((r) => r.filter_changes_ms.slice(1))),
			};
		}
		server.close();
		return { scale, report_rows: site.reportRows, runs: RUNS, views };
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

const results = [];
for (const scale of SCALES) results.push(await benchScale(scale));
console.log(JSON.stringify({ benchmark: 'web', cold_cache: true, results }, null, 2));

/**
 * The built site in real Chromium: what a person sees on the overview.
 * Expected figures are computed here from the published Parquet with plain SQL
 * written for the test, independently of the metric registry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { ALL_METRICS, GRAINS } from '$lib/metrics';
import { baseUrl, chartsSettled, figureText, openPage } from './site.ts';
import { ROUTES } from '$lib/views/routes.js';
import { formatNumber } from '$lib/format';

let browser: Browser;
let db: DuckDBConnection;

beforeAll(async () => {
	browser = await launchBrowser();
	db = await (await DuckDBInstance.create(':memory:')).connect();
	for (const name of ['units', 'unit_week', 'unit_areas', 'areas']) {
		await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(inject('dataDir'), `${name}.parquet`)}')`);
	}
});
afterAll(async () => {
	await browser?.close();
});

const one = async (sql: string) => Number((await db.runAndReadAll(sql)).getRows()[0]![0]);

// The fixture runs to July 2024: the latest full quarter is 2024 Q2.
const QUARTER_END = `DATE '2024-06-30'`;
/** The units open on the quarter's last day, as the page writes the number (2,131 at a hundred times the units). */
const unitsOpen = async (where = 'true') =>
	formatNumber('en', await one(`SELECT count(*) FROM units WHERE opened_on <= ${QUARTER_END} AND (closed_on IS NULL OR closed_on > ${QUARTER_END}) AND ${where}`));
const employment = (where = 'true') =>
	one(`SELECT sum(employed) / sum(caseload) FROM unit_week JOIN units USING (unit_id)
		WHERE week >= DATE '2024-04-01' AND week < DATE '2024-07-01' AND ${where}`);

/** The page shows the units open and the employment rate of the units `where` chooses. */
async function expectFiguresWhere(page: Page, where: string) {
	expect(await figureText(page, 'units_open')).toBe(await unitsOpen(where));
	expect(await figureText(page, 'employment_rate')).toBe(`${((await employment(where)) * 100).toFixed(1)}%`);
}

describe('overview', () => {
	it('is drawn in the prerendered HTML, before any script runs', async () => {
		const html = await (await fetch(`${baseUrl()}/`)).text();
		expect(html).toContain('data-chart="units_open" data-state="ready"');
		expect((html.match(/data-state="ready"/g) ?? []).length).toBe(7);
		expect(html).toMatch(/<svg[^>]+class="plot-/);
	});

	it('shows the figures of the latest full quarter, with no console error and no foreign request', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, '/');
		await chartsSettled(page);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen());
		expect(await figureText(page, 'employment_rate')).toBe(`${((await employment()) * 100).toFixed(1)}%`);
		const served = await one(`SELECT count(DISTINCT ua.area_code) FROM unit_areas ua JOIN units u USING (unit_id)
			WHERE ua.valid_from <= ${QUARTER_END} AND (ua.valid_to IS NULL OR ua.valid_to > ${QUARTER_END})
			AND u.opened_on <= ${QUARTER_END} AND (u.closed_on IS NULL OR u.closed_on > ${QUARTER_END})`);
		expect(await figureText(page, 'municipalities_served')).toBe(`${((served / 290) * 100).toFixed(1)}%`);
		expect(await page.locator('[data-metric="municipalities_served"] .denominator').innerText()).toBe(
			`${served} municipalities served / 290 municipalities`,
		);
		// The percent sign once: "18.6% of municipalities", never "18.6% % of municipalities" (#21).
		expect(await page.locator('[data-metric="municipalities_served"] .value').innerText()).toBe(`${((served / 290) * 100).toFixed(1)}% of municipalities`);
		expect(await page.locator('[data-metric="units_open"] .quarter').innerText()).toBe('2024 Q2');
		// Reports received over the period shown (2019 Q1 to 2024 Q2), in every footnote.
		const received = await one(`WITH weeks AS (SELECT DISTINCT week FROM unit_week WHERE week < DATE '2024-07-01')
			SELECT count(w.unit_id) / count(*) FROM weeks
			JOIN units u ON u.opened_on < weeks.week + 7 AND (u.closed_on IS NULL OR u.closed_on > weeks.week)
			LEFT JOIN unit_week w ON w.unit_id = u.unit_id AND w.week = weeks.week`);
		expect(await page.locator('[data-chart="mean_wait"] .footnote').innerText()).toContain(`Reports received: ${(received * 100).toFixed(1)}%`);
		// Let the engine finish starting in the background before judging the console.
		await page.waitForTimeout(1500);
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('answers a region, organisation or funding change from the build, before the engine has started', async () => {
		const { page, consoleErrors } = await openPage(browser, '/');
		// No engine at all: its WebAssembly never arrives.
		await page.route(/\.wasm$/, (route) => route.abort());
		const answers: string[] = [];
		page.on('request', (request) => request.url().includes('/answers/') && answers.push(new URL(request.url()).pathname));
		await chartsSettled(page);
		// The answers one change away need no engine: fetched while it starts, each once (#23). The overview's all 27
		// (21 regions, 3 organisation types, 3 fundings) fit the budget at every scale, so choosing one fetches nothing more.
		await expect.poll(() => answers.length, { timeout: 30_000 }).toBe(27);
		expect(new Set(answers).size).toBe(27);
		expect(answers.every((path) => /^\/answers\/overview\/(region=\d\d|org=\w+|funding=\w+)\.json$/.test(path))).toBe(true);
		await page.selectOption('#filter-region', '14');
		await page.waitForURL(/\?region=14$/);
		await chartsSettled(page);
		expect(answers).toHaveLength(27);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`region_code = '14'`));
		expect(await figureText(page, 'employment_rate')).toBe(`${((await employment(`region_code = '14'`)) * 100).toFixed(1)}%`);
		await page.selectOption('#filter-region', '');
		await page.selectOption('#filter-funding', 'project');
		await page.waitForURL(/\?funding=project$/);
		await chartsSettled(page);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`funding_current = 'project'`));
		// A combination the build did not compute waits for the engine, which never comes: loading, never another selection's figures.
		await page.selectOption('#filter-org', 'region');
		await page.waitForURL(/\?org=region&funding=project$/);
		await page.waitForSelector('[data-chart="units_open"][data-state="loading"]');
		expect(consoleErrors.filter((e) => !/wasm|WebAssembly|Failed to load|Failed to fetch|ERR_FAILED|duckdb/i.test(e))).toEqual([]);
		await page.context().close();
	});

	it('keeps the build\'s answers for exactly the common changes: each region, organisation type and funding on its own, a file each', async () => {
		const { parse } = await import('devalue');
		const { decodeRows, ROWS } = await import('../../src/lib/views/transport');
		const regions = (await db.runAndReadAll(`SELECT DISTINCT region_code FROM areas ORDER BY 1`)).getRows().map((r) => `region=${r[0]}`);
		expect(regions).toHaveLength(21);
		for (const state of [...regions, 'org=municipal', 'org=region', 'org=joint', 'funding=permanent', 'funding=project', 'funding=mixed']) {
			const response = await fetch(`${baseUrl()}/answers/overview/${state}.json`);
			expect(response.status, state).toBe(200);
			expect(parse(await response.text(), { [ROWS]: decodeRows }), state).toHaveProperty('units_open');
		}
		// Nothing else: a combination, the default state (prerendered in the page) and the whole set of old.
		for (const path of ['overview/org=region&funding=project.json', 'overview/.json', 'overview.json']) expect((await fetch(`${baseUrl()}/answers/${path}`)).status, path).toBe(404);
	});

	it('changes the URL and every chart when a filter changes, and back and forward work', async () => {
		const { page, consoleErrors } = await openPage(browser, '/');
		await chartsSettled(page);
		const nationalSvg = await page.locator('[data-chart="people_waiting"] .plot').innerHTML();
		await page.selectOption('#filter-region', '14');
		await page.waitForURL(/\?region=14$/);
		await chartsSettled(page);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`region_code = '14'`));
		expect(await figureText(page, 'employment_rate')).toBe(`${((await employment(`region_code = '14'`)) * 100).toFixed(1)}%`);
		expect(await page.locator('[data-chart="people_waiting"] .plot').innerHTML()).not.toBe(nationalSvg);

		await page.selectOption('#filter-org', 'municipal');
		await page.waitForURL(/\?region=14&org=municipal$/);
		await chartsSettled(page);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`region_code = '14' AND org_type = 'municipal'`));

		await page.goBack();
		await page.waitForURL(/\?region=14$/);
		await chartsSettled(page);
		expect(await page.locator('#filter-org').inputValue()).toBe('');
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`region_code = '14'`));
		await page.goForward();
		await page.waitForURL(/org=municipal/);
		await chartsSettled(page);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`region_code = '14' AND org_type = 'municipal'`));
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('keeps both of two filters chosen one right after the other, before the first is in the URL', async () => {
		const { page, consoleErrors } = await openPage(browser, '/');
		await chartsSettled(page);
		// The figures of a choice are shown first and put in the URL once painted: the second choice builds on the first, not on the URL.
		await page.evaluate(() => {
			for (const [filter, value] of [['region', '14'], ['org', 'municipal']]) {
				const select = document.querySelector<HTMLSelectElement>(`#filter-${filter}`)!;
				select.value = value!;
				select.dispatchEvent(new Event('change', { bubbles: true }));
			}
		});
		await page.waitForURL(/\?region=14&org=municipal$/);
		await chartsSettled(page);
		expect(await page.locator('[data-view]').getAttribute('data-view')).toBe('?region=14&org=municipal');
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`region_code = '14' AND org_type = 'municipal'`));
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('draws the charts on the screen with a change, and those just below it once the page is idle (#23)', async () => {
		const { page, consoleErrors } = await openPage(browser, '/');
		await chartsSettled(page);
		// The last chart's drawing 100 px below the bottom of the screen: near it, not on it.
		await page.evaluate(() => {
			const charts = [...document.querySelectorAll('[data-chart] .live')];
			const last = charts[charts.length - 1]!;
			window.scrollTo(0, window.scrollY + last.getBoundingClientRect().top - window.innerHeight - 100);
		});
		// A reader changes a filter after the scroll has been painted: the charts have been told where they are by then
		// (intersection observers report with a frame), not in the same task as the scroll.
		await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))));
		// What each chart shows the moment the new figures are in place: on the screen, drawn; the one below, not yet.
		// In place: the view shows region 14 and no chart is loading (on a busy machine the state may not have been
		// computed ahead, and the view names it while its figures are on their way).
		const atChange = await page.evaluate(
			() =>
				new Promise<{ id: string; top: number; bottom: number; drawn: string }[]>((resolve) => {
					const figures = document.querySelector('[data-view]')!;
					const observer = new MutationObserver(() => {
						if (figures.getAttribute('data-view') !== '?region=14') return;
						if (document.querySelector('[data-chart][data-state="loading"]')) return;
						observer.disconnect();
						resolve(
							[...document.querySelectorAll('[data-chart]')].map((chart) => {
								const box = (chart.querySelector('.live') ?? chart).getBoundingClientRect();
								return { id: chart.getAttribute('data-chart')!, top: box.top, bottom: box.bottom, drawn: chart.getAttribute('data-drawn')! };
							}),
						);
					});
					observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-view', 'data-state'] });
					const select = document.querySelector<HTMLSelectElement>('#filter-region')!;
					select.value = '14';
					select.dispatchEvent(new Event('change', { bubbles: true }));
				}),
		);
		const height = (await page.evaluate(() => window.innerHeight)) as number;
		const onScreen = atChange.filter((c) => c.bottom > 0 && c.top < height);
		const below = atChange.filter((c) => c.top >= height + 50 && c.top < height + 300);
		expect(onScreen.length).toBeGreaterThan(0);
		expect(below.map((c) => c.id)).toContain(atChange[atChange.length - 1]!.id);
		expect(onScreen.map((c) => c.drawn)).toEqual(onScreen.map(() => 'current'));
		expect(below.map((c) => c.drawn)).toEqual(below.map(() => 'stale'));
		// Without scrolling, the page idle: drawn for region 14 too.
		for (const { id } of below) await page.waitForSelector(`[data-chart="${id}"][data-drawn="current"]`, { timeout: 5000 });
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('answers filters together from the cube, fetching no unit rows (#23)', async () => {
		const { page, consoleErrors } = await openPage(browser, '/');
		await chartsSettled(page);
		await page.selectOption('#filter-org', 'municipal');
		await page.waitForURL(/\?org=municipal$/);
		await page.selectOption('#filter-funding', 'project');
		await page.waitForURL(/\?org=municipal&funding=project$/);
		await chartsSettled(page);
		await expectFiguresWhere(page, `org_type = 'municipal' AND funding_current = 'project'`);
		// Every request of the page, from its start (the marts are fetched on the page's own thread).
		const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
		const fetched = requested.map((url) => /\/data\/([^/]+)\.arrow$/.exec(url)?.[1]).filter((mart) => mart !== undefined);
		// The cube (which counts the units and municipalities too) and the municipalities' totals: no unit's row of any kind, no spell.
		expect([...new Set(fetched)].sort()).toEqual(['areas', 'cube']);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('draws a change one step away from results made ready while the reader looked, without waiting for the engine or the build (#23)', async () => {
		const { page, consoleErrors } = await openPage(browser, '/');
		const answers: string[] = [];
		page.on('request', (request) => request.url().includes('/answers/') && answers.push(new URL(request.url()).pathname));
		const engineMeasures = () => page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('engine:')).length);
		const lookedAhead = (search: string) => page.waitForFunction((s) => document.documentElement.dataset.ahead === s, search, { timeout: 60_000 });
		await lookedAhead('');
		// The build's answers one change away were fetched while the figures stood (the overview's all fit the budget).
		expect(answers).toContain('/answers/overview/org=municipal.json');
		expect(answers).toContain('/answers/overview/region=25.json');
		let measured = await engineMeasures();
		answers.length = 0;
		// A state the build answers, and then one only the engine does: both were at hand when chosen.
		await page.selectOption('#filter-org', 'municipal');
		await page.waitForURL(/\?org=municipal$/);
		await chartsSettled(page);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`org_type = 'municipal'`));
		expect(await engineMeasures(), 'the change waited for no engine').toBe(measured);
		// The figures' own neighbours' answers may follow; their own was at hand.
		expect(answers, 'nor for its answer').not.toContain('/answers/overview/org=municipal.json');
		await lookedAhead('?org=municipal');
		measured = await engineMeasures();
		await page.selectOption('#filter-funding', 'project');
		await page.waitForURL(/\?org=municipal&funding=project$/);
		await chartsSettled(page);
		await expectFiguresWhere(page, `org_type = 'municipal' AND funding_current = 'project'`);
		expect(await engineMeasures(), 'the change waited for no engine').toBe(measured);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it.each([...ROUTES.filter((route) => !route.text).map((route) => route.path), '/check'])(
		'%s fetches no unit × week mart, on filters only the engine answers, its engine warm or the check page ready (#23)',
		async (path) => {
			const { page, consoleErrors } = await openPage(browser, path === '/check' ? path : `${path}?org=municipal&funding=project`);
			await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', undefined, { timeout: 60_000 });
			if (path !== '/check') await chartsSettled(page);
			// Every request of the page, from its start (the marts are fetched on the page's own thread), a part of a mart as its folder's name.
			const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
			const fetched = requested.map((url) => /\/data\/([^/]+)(\/part-\d+)?\.arrow$/.exec(url)?.[1]).filter((mart) => mart !== undefined);
			expect(fetched.length, 'the engine fetched its marts').toBeGreaterThan(0);
			expect(fetched).not.toContain('unit_week');
			expect(consoleErrors).toEqual([]);
			await page.context().close();
		},
	);

	it('opens a link with filters on its own figures, never the default ones', async () => {
		// A selection only the engine answers (the build's answers could come before the check below).
		const { page } = await openPage(browser, '/?region=14&org=joint');
		// Before the engine answers, the prerendered national figure is hidden.
		const hidden = await page.evaluate(() => {
			const headline = document.querySelector('[data-metric="units_open"] .headline');
			return !headline || getComputedStyle(headline).visibility === 'hidden' || !headline.querySelector('.number');
		});
		expect(hidden).toBe(true);
		await chartsSettled(page);
		expect(await figureText(page, 'units_open')).toBe(await unitsOpen(`region_code = '14' AND org_type = 'joint'`));
		await page.context().close();
	});

	it('downloads each chart as a PNG that decodes, an SVG that parses and a CSV of the rows drawn', async () => {
		const { page } = await openPage(browser, '/');
		await chartsSettled(page);
		const chart = page.locator('[data-chart="employment_rate"]');
		const save = async (label: string) => {
			const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: label }).click()]);
			return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
		};
		const png = await save('PNG image');
		expect(png.name).toBe('employment_rate.png');
		expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
		const size = await page.evaluate(async (b64) => {
			const image = new Image();
			image.src = `data:image/png;base64,${b64}`;
			await image.decode();
			return [image.naturalWidth, image.naturalHeight];
		}, png.bytes.toString('base64'));
		expect(size[0]).toBeGreaterThanOrEqual(2 * 360); // drawn at twice the size, for slides

		const svg = await save('SVG image');
		expect(svg.name).toBe('employment_rate.svg');
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			return { error: doc.querySelector('parsererror') !== null, title: doc.querySelector('text')?.textContent };
		}, svg.bytes.toString('utf8'));
		expect(parsed).toEqual({ error: false, title: 'In competitive employment' });

		const csv = await save('CSV data');
		const lines = csv.bytes.toString('utf8').trim().split('\n');
		expect(lines[0]).toBe('quarter,value,numerator,denominator');
		await chart.locator('summary').click(); // the table alternative is built when opened
		await chart.locator('table tbody tr').first().waitFor();
		const tableRows = await chart.locator('table tbody tr').count();
		expect(lines.length - 1).toBe(tableRows);
		expect(lines[lines.length - 1]).toMatch(/^2024-04-01,0\.\d+,\d+,\d+$/);
		await page.context().close();
	});

	it('is in Swedish at /sv, numbers and all', async () => {
		const { page, consoleErrors } = await openPage(browser, '/sv');
		await chartsSettled(page);
		expect(await page.getAttribute('html', 'lang')).toBe('sv');
		expect(await page.locator('h1').innerText()).toBe('Översikt');
		expect(await page.locator('[data-chart="employment_rate"] h3').innerText()).toBe('I arbete på öppna marknaden');
		// Swedish writes a decimal comma and a no-break space before the per cent sign.
		expect(await figureText(page, 'employment_rate')).toBe(`${((await employment()) * 100).toFixed(1).replace('.', ',')}\u00a0%`);
		expect(await page.locator('[data-metric="employment_rate"] .value').innerText()).toBe(
			`${((await employment()) * 100).toFixed(1).replace('.', ',')}\u00a0% av inskrivna`,
		);
		expect(await page.locator('[data-metric="units_open"] .quarter').innerText()).toBe('2024 kv. 2');
		await page.click('[data-language-switch]');
		await page.waitForURL(`${baseUrl()}/`);
		expect(await page.locator('h1').innerText()).toBe('Overview');
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('lists every measure of every view once on the Methods page, with the shared SQL once', async () => {
		const { page } = await openPage(browser, '/methods');
		expect(await page.locator('h2.methods-view').allInnerTexts()).toEqual(['Overview', 'Coverage', 'Waitlists', 'Outcomes', 'Staffing', 'Survival', 'Compare sites']);
		// Staffing, survival and the funnel plots are statistics of their own, each with its method and its SQL.
		expect(await page.locator('#unit_survival h3').innerText()).toBe('Unit survival (Kaplan–Meier)');
		expect(await page.locator('#funnel').innerText()).toContain('FunnelPlotR');
		expect(await page.locator('#log_rank').innerText()).toContain('16.79');
		const described = await page.locator('section.method[id]:not(#shared-sql)').evaluateAll((sections) =>
			sections.filter((s) => s.querySelector('dd code')).map((s) => s.id),
		);
		expect(described.slice().sort()).toEqual(ALL_METRICS.map((m) => m.id).sort());
		expect(await page.locator('section.method:has(dd code) h3').allInnerTexts()).toEqual(
			described.map((id) => ALL_METRICS.find((m) => m.id === id)!.label.en),
		);
		expect(described.slice(0, 8)).toEqual(['units_open', 'municipalities_served', 'population_served', 'fte_per_10k', 'people_waiting', 'mean_wait', 'employment_rate', 'report_completeness']);
		// The predicates and facts every measure shares are printed once, not with every measure.
		expect(await page.locator('#shared-sql pre').count()).toBe(GRAINS.length + 1);
		expect(await page.locator('pre', { hasText: 'CREATE OR REPLACE MACRO open_on' }).count()).toBe(1);
		expect(await page.locator('#shared-sql').textContent()).toContain('round(employed * weeks) AS employed');
		expect(await page.locator('#employment_rate dd code').first().textContent()).toBe('employed / nullif(caseload, 0)');
		// The coverage view shows measures described under the overview, and links to them.
		expect(await page.locator('.methods-again').first().locator('a').allInnerTexts()).toEqual(['Units open', 'Municipalities served', 'Population covered', 'Specialists per 10,000 inhabitants']);
		await page.context().close();
	});

	it('names the missing file when the data cannot be loaded', async () => {
		const context = await browser.newContext();
		await context.route('**/data/cube.arrow', (route) => route.fulfill({ status: 404, body: 'gone' }));
		const page = await context.newPage();
		// A selection the build did not answer: the engine computes it from the marts.
		await page.goto(`${baseUrl()}/?region=01&org=municipal`);
		await page.waitForSelector('[data-chart="units_open"][data-state="error"]');
		expect(await page.locator('.data-error').innerText()).toContain('data/cube.arrow: HTTP 404');
		await context.close();
	});

	it.each([
		['cut short', () => readFileSync(join(inject('dataDir'), 'cube.arrow')).subarray(0, 50_000), /data\/cube\.arrow: 50000 bytes where manifest\.json says \d+/],
		['from another mart', () => readFileSync(join(inject('dataDir'), 'units.arrow')), /data\/cube\.arrow: \d+ bytes where manifest\.json says \d+/],
		['of the same size but other bytes', () => {
			const bytes = Buffer.from(readFileSync(join(inject('dataDir'), 'cube.arrow')));
			bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
			return bytes;
		}, /data\/cube\.arrow: its SHA-256 differs from manifest\.json/],
	])('names cube.arrow when it is %s, and tells how to mend it', async (_, body, message) => {
		const context = await browser.newContext();
		await context.route('**/data/cube.arrow', (route) => route.fulfill({ status: 200, body: body(), contentType: 'application/octet-stream' }));
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/?region=01&org=municipal`);
		await page.waitForSelector('[data-chart="units_open"][data-state="error"]');
		const text = await page.locator('.data-error').innerText();
		expect(text).toMatch(message);
		expect(text).toContain('npm run data');
		expect(text).not.toContain('units.arrow');
		await context.close();
	});
});

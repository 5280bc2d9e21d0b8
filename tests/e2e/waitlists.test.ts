/** The waitlists view in Chromium, its figures against SQL written here on the published Parquet. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PALETTE } from '$lib/charts/theme';
import { manifestSchema } from '$lib/contract';
import { launchBrowser } from './browser.ts';
import { downloadCsv, marts, rows, sameNumber } from './csv.ts';
import { chartsSettled, figureText, openPage } from './site.ts';

let browser: Browser;
let db: DuckDBConnection;
beforeAll(async () => {
	browser = await launchBrowser();
	db = await marts(inject('dataDir'));
});
afterAll(async () => {
	await browser?.close();
});

/** Per region and quarter of the period (2019 Q1 – 2024 Q2): its own units' weekly sums, averaged over its reported weeks. */
const BY_REGION = `
	WITH weekly AS (
		SELECT u.region_code, date_trunc('quarter', w.week)::DATE AS quarter, w.week, sum(w.waitlist) AS waitlist, sum(w.fte) AS fte
		FROM unit_week w JOIN units u USING (unit_id)
		WHERE w.week >= DATE '2019-01-01' AND w.week < DATE '2024-07-01' GROUP BY ALL
	),
	quarters AS (SELECT unnest(generate_series(DATE '2019-01-01', DATE '2024-04-01', INTERVAL 3 MONTH))::DATE AS quarter),
	regions AS (SELECT DISTINCT region_code, region_name FROM areas)
	SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter, r.region_code, r.region_name,
		avg(w.waitlist) AS waitlist, avg(w.fte) AS fte, avg(w.waitlist) / avg(w.fte) AS waitlist_per_fte
	FROM quarters q CROSS JOIN regions r
	LEFT JOIN weekly w ON w.quarter = q.quarter AND w.region_code = r.region_code
	GROUP BY ALL ORDER BY quarter, r.region_code`;

describe('waitlists', () => {
	it('draws every chart on the demo data, with no console error and no foreign request', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, '/waitlists');
		await chartsSettled(page);
		const states = await page.$$eval('[data-chart]', (charts) => charts.map((c) => [c.getAttribute('data-chart'), c.getAttribute('data-state')]));
		expect(states).toEqual([
			['people_waiting', 'ready'],
			['waitlist_per_fte', 'ready'],
			['mean_wait', 'ready'],
			['waitlist_flow', 'ready'],
			['waitlist_by_region', 'ready'],
			['waitlist_growth', 'ready'],
		]);
		// The latest full quarter: people waiting in an average week with a report.
		const [latest] = await rows(db, `SELECT avg(s) AS waitlist FROM (SELECT week, sum(waitlist) AS s FROM unit_week WHERE week >= DATE '2024-04-01' AND week < DATE '2024-07-01' GROUP BY week)`);
		expect(await figureText(page, 'people_waiting')).toBe(Math.round(latest!.waitlist as number).toLocaleString('en-GB'));
		await page.waitForTimeout(1000);
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('downloads waitlist_by_region with the contract’s columns, one row per quarter and region, equal to SQL', async () => {
		const { page } = await openPage(browser, '/waitlists');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'waitlist_by_region');
		expect(csv.name).toBe('waitlist_by_region.csv');
		expect(csv.header).toBe('quarter,region_code,region_name,waitlist,fte,waitlist_per_fte');
		const truth = await rows(db, BY_REGION);
		expect(csv.rows).toHaveLength(22 * 21); // 2019 Q1 – 2024 Q2
		for (const [i, row] of csv.rows.entries()) {
			const want = truth[i]!;
			expect(row.slice(0, 3)).toEqual([want.quarter, want.region_code, want.region_name]);
			for (const [c, key] of [[3, 'waitlist'], [4, 'fte'], [5, 'waitlist_per_fte']] as const) expect(sameNumber(row[c], want[key]), `${row.join(',')} ${key}`).toBe(true);
		}
		await page.context().close();
	});

	it('ranks the units whose waitlist grew most (by at least 0.05, so never "±0.0"), with their capacity', async () => {
		const { page } = await openPage(browser, '/waitlists');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'waitlist_growth');
		expect(csv.header).toBe('unit_id,unit_name,region_code,waitlist_before,waitlist,growth,fte,caseload_per_fte');
		const truth = await rows(db, `
			WITH weekly AS (SELECT unit_id, date_trunc('quarter', week)::DATE AS quarter, avg(waitlist) AS waitlist, avg(fte) AS fte, avg(caseload) AS caseload
				FROM unit_week WHERE week >= DATE '2023-04-01' AND week < DATE '2023-07-01' OR week >= DATE '2024-04-01' AND week < DATE '2024-07-01' GROUP BY ALL)
			SELECT now.unit_id, now.waitlist - before.waitlist AS growth, now.caseload / now.fte AS caseload_per_fte
			FROM weekly now JOIN weekly before ON before.unit_id = now.unit_id AND before.quarter = DATE '2023-04-01'
			WHERE now.quarter = DATE '2024-04-01' AND now.waitlist - before.waitlist >= 0.05 ORDER BY growth DESC, now.unit_id LIMIT 10`);
		expect(truth.length).toBeGreaterThan(0);
		expect(csv.rows.map((r) => r[0])).toEqual(truth.map((r) => r.unit_id));
		for (const cell of await page.locator('[data-chart="waitlist_growth"] tbody tr td:nth-child(6)').allInnerTexts()) expect(cell).toMatch(/^\+\d/);
		// A closed unit is marked wherever units are listed (#21): in this table and in the unit filter.
		const closed = new Map((await rows(db, `SELECT unit_id, strftime(closed_on, '%Y-%m-%d') AS closed FROM units WHERE closed_on IS NOT NULL`)).map((r) => [r.unit_id as string, r.closed as string]));
		expect(closed.size).toBeGreaterThan(0);
		for (const row of await page.locator('[data-chart="waitlist_growth"] tbody tr').all()) {
			const unit = (await row.getAttribute('data-unit'))!;
			const mark = row.locator('.closed-mark');
			if (closed.has(unit)) expect(await mark.innerText()).toBe(`closed ${closed.get(unit)}`);
			else await expect(mark.count()).resolves.toBe(0);
		}
		// The unit filter's choices are no page's load (#23): fetched once the reader reaches for the filter.
		const listRequests: string[] = [];
		page.on('request', (request) => request.url().endsWith('/choices/units.json') && listRequests.push(request.url()));
		expect(await page.locator('#filter-unit option').count()).toBe(1);
		await page.focus('#filter-unit');
		await page.waitForSelector('#filter-unit[aria-busy="false"] option:nth-child(2)', { state: 'attached' });
		expect(listRequests).toHaveLength(1);
		const options = await page.locator('#filter-unit option').evaluateAll((all) => all.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
		const [published] = await rows(db, 'SELECT count(*)::INTEGER AS units FROM units');
		expect(options).toHaveLength(1 + Number(published!.units));
		for (const [value, text] of options) if (value) expect(text!.endsWith(`(closed ${closed.get(value!)})`), text!).toBe(closed.has(value!));
		for (const [i, row] of csv.rows.entries()) {
			expect(sameNumber(row[5], truth[i]!.growth)).toBe(true);
			expect(sameNumber(row[7], truth[i]!.caseload_per_fte)).toBe(true);
		}
		await page.context().close();
	});

	it('fetches only the parts of the units\' rows its filters need: a region\'s, then one unit\'s (#23)', async () => {
		const dataDir = inject('dataDir');
		const facts = manifestSchema.parse(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8'))).marts.unit_quarter!;
		const parts = 'parts' in facts ? facts.parts : [];
		expect(parts.length, 'unit_quarter in parts').toBeGreaterThan(2);
		const partsFetched = async (page: Page) =>
			(await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)))
				.map((url) => /\/data\/(unit_quarter\/part-\d+\.arrow)$/.exec(url)?.[1])
				.filter((file) => file !== undefined)
				.sort();
		// A region with an organisation type: the engine's, with the units' growth table of that region.
		const { page, consoleErrors } = await openPage(browser, '/waitlists?region=14&org=municipal');
		await chartsSettled(page);
		const inRegion = parts.filter((part) => part.regions.includes('14')).map((part) => part.file);
		expect(inRegion.length).toBeLessThan(parts.length);
		expect(await partsFetched(page)).toEqual(inRegion.sort());
		const csv = await downloadCsv(page, 'waitlist_growth');
		const truth = await rows(db, `
			WITH weekly AS (SELECT w.unit_id, date_trunc('quarter', week)::DATE AS quarter, avg(waitlist) AS waitlist
				FROM unit_week w JOIN units u USING (unit_id) WHERE u.region_code = '14' AND u.org_type = 'municipal'
				AND (week >= DATE '2023-04-01' AND week < DATE '2023-07-01' OR week >= DATE '2024-04-01' AND week < DATE '2024-07-01') GROUP BY ALL)
			SELECT now.unit_id FROM weekly now JOIN weekly before ON before.unit_id = now.unit_id AND before.quarter = DATE '2023-04-01'
			WHERE now.quarter = DATE '2024-04-01' AND now.waitlist - before.waitlist >= 0.05 ORDER BY now.waitlist - before.waitlist DESC, now.unit_id LIMIT 10`);
		expect(csv.rows.map((r) => r[0])).toEqual(truth.map((r) => r.unit_id));
		expect(consoleErrors).toEqual([]);
		await page.context().close();

		// One unit of another region, on a view that reads its rows: only the part that holds them (read here from the files).
		const [other] = await rows(db, `SELECT unit_id FROM units WHERE region_code <> '14' AND opened_on < DATE '2023-01-01' ORDER BY unit_id DESC LIMIT 1`);
		const unitId = other!.unit_id as string;
		const holding = parts.filter((part) => (tableFromIPC(readFileSync(join(dataDir, part.file))).getChild('unit_id')!.toArray() as string[]).includes(unitId)).map((part) => part.file);
		expect(holding).toHaveLength(1);
		// The list of units, which the unit in the URL is checked against, comes late (a slow line): until it has come the page
		// stands for the whole country, and the engine, started meanwhile, must not warm on the whole country's parts.
		const unitPage = await openPage(browser, `/outcomes?unit=${unitId}`, {
			prepare: (context) =>
				context.route('**/choices/units.json', async (route) => {
					await new Promise((resolve) => setTimeout(resolve, 2000));
					await route.continue();
				}),
		});
		await chartsSettled(unitPage.page);
		await unitPage.page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', undefined, { timeout: 60_000 });
		expect(await partsFetched(unitPage.page)).toEqual(holding);
		expect(unitPage.consoleErrors).toEqual([]);
		await unitPage.page.context().close();
	});

	it('fetches every part on the whole country once its engine is ready: a change of period there waits for no part (#23)', async () => {
		const facts = manifestSchema.parse(JSON.parse(readFileSync(join(inject('dataDir'), 'manifest.json'), 'utf8'))).marts.unit_quarter!;
		const parts = 'parts' in facts ? facts.parts.map((part) => part.file).sort() : [];
		const { page, consoleErrors } = await openPage(browser, '/waitlists');
		await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', undefined, { timeout: 60_000 });
		const fetched = () =>
			page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name.split('/data/')[1]).filter((file) => file?.startsWith('unit_quarter/')).sort());
		expect(await fetched()).toEqual(parts);
		const [from] = await page.locator('#filter-from option').evaluateAll((options) => options.slice(3, 4).map((o) => (o as HTMLOptionElement).value));
		await page.selectOption('#filter-from', from!);
		await page.waitForURL(new RegExp(`\\?from=${from}$`));
		await chartsSettled(page);
		expect(await fetched()).toEqual(parts);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('changes the URL and every chart when a filter changes', async () => {
		const { page, consoleErrors } = await openPage(browser, '/waitlists');
		await chartsSettled(page);
		const drawings = () => page.$$eval('[data-chart] .live', (nodes) => nodes.map((n) => n.innerHTML));
		const before = await drawings();
		await page.selectOption('#filter-org', 'municipal');
		await page.waitForURL(/\/waitlists\?org=municipal$/);
		await chartsSettled(page);
		const after = await drawings();
		for (const [i, drawing] of after.entries()) expect(drawing, `chart ${i}`).not.toBe(before[i]);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('frames the chosen region’s panel and keeps the whole country’s line in grey behind every region', async () => {
		const { page, consoleErrors } = await openPage(browser, '/waitlists');
		await chartsSettled(page);
		const panels = () =>
			page.$eval('[data-chart="waitlist_by_region"] svg', (svg) => ({
				// The first line mark is the grey reference, drawn in every panel.
				reference: [...svg.querySelectorAll('[aria-label="line"]')][0]!.innerHTML,
				frames: Object.fromEntries(
					[...svg.querySelectorAll('[aria-label="rect"] [data-key]')].map((f) => [f.getAttribute('data-key')!, [f.getAttribute('stroke'), f.getAttribute('stroke-width')] as const]),
				),
			}));
		const before = await panels();
		expect(Object.keys(before.frames)).toHaveLength(21);
		expect(new Set(Object.values(before.frames).map(String))).toEqual(new Set([String([PALETTE.grid, '1'])]));
		await page.selectOption('#filter-region', '14');
		await page.waitForURL(/\/waitlists\?region=14$/);
		await chartsSettled(page);
		const after = await panels();
		expect(after.frames['14']).toEqual([PALETTE.series, '2']);
		expect(Object.values(after.frames).filter(([stroke]) => stroke === PALETTE.series)).toHaveLength(1);
		// The country, whatever the region: the definition says so.
		expect(after.reference).toBe(before.reference);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('sorts the growth table by any column from its header, each unit keeping its rank by growth', async () => {
		const { page } = await openPage(browser, '/waitlists');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'waitlist_growth');
		// The CSV is the ranking: rank, then FTE, by unit.
		const ranking = new Map(csv.rows.map((r, i) => [r[0]!, { rank: i + 1, fte: r[6] === '' ? null : Number(r[6]) }]));
		const table = page.locator('[data-chart="waitlist_growth"] table');
		const shown = () =>
			table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({ unit: tr.getAttribute('data-unit')!, rank: Number(tr.querySelector('td')!.textContent) })));
		expect((await shown()).map((r) => r.unit)).toEqual(csv.rows.map((r) => r[0]));

		const byFte = table.getByRole('button', { name: 'Sort by Specialist FTE' });
		await byFte.click();
		expect(await table.locator('th[aria-sort="descending"]').innerText()).toContain('Specialist FTE');
		let rowsShown = await shown();
		for (const row of rowsShown) expect(row.rank).toBe(ranking.get(row.unit)!.rank);
		const ftes = rowsShown.map((r) => ranking.get(r.unit)!.fte).filter((v) => v !== null);
		expect(ftes.length).toBeGreaterThan(1);
		expect(ftes).toEqual([...ftes].sort((a, b) => b - a));

		// Pressed again, the other way; by rank, back to the ranking.
		await byFte.click();
		rowsShown = await shown();
		const rising = rowsShown.map((r) => ranking.get(r.unit)!.fte).filter((v) => v !== null);
		expect(rising).toEqual([...rising].sort((a, b) => a - b));
		await table.getByRole('button', { name: 'Sort by Rank' }).click();
		expect((await shown()).map((r) => r.rank)).toEqual(csv.rows.map((_, i) => i + 1));
		await page.context().close();
	});

	it('is in Swedish at /sv/waitlists', async () => {
		const { page } = await openPage(browser, '/sv/waitlists');
		await chartsSettled(page);
		expect(await page.locator('h1').innerText()).toBe('Väntelistor');
		expect(await page.locator('[data-chart="waitlist_by_region"] h3').innerText()).toBe('Väntande per heltid, per län');
		expect(await page.locator('[data-chart="waitlist_growth"] th button').first().getAttribute('aria-label')).toBe('Sortera efter Plats');
		await page.context().close();
	});
});

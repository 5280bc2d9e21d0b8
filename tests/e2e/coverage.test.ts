/**
 * The coverage view in real Chromium: what a person sees, and the two CSV
 * contracts, against plain SQL written here on the published Parquet,
 * independently of the metric registry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PALETTE } from '$lib/charts/theme';
import { launchBrowser } from './browser.ts';
import { chartsSettled, openPage } from './site.ts';

let browser: Browser;

async function marts(dir: string): Promise<DuckDBConnection> {
	const db = await (await DuckDBInstance.create(':memory:')).connect();
	for (const name of ['units', 'unit_week', 'unit_areas', 'areas']) {
		await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(dir, `${name}.parquet`)}')`);
	}
	return db;
}
const rows = async (db: DuckDBConnection, sql: string) =>
	(await db.runAndReadAll(sql)).getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));

/** Units serving each municipality on a day: open units whose service period covers it. */
const SERVING = (day: string, where = 'true') => `
	SELECT a.code, a.name, a.region_code, a.population, count(u.unit_id) AS units_serving
	FROM areas a
	LEFT JOIN unit_areas ua ON ua.area_code = a.code AND ua.valid_from <= DATE '${day}' AND (ua.valid_to IS NULL OR ua.valid_to > DATE '${day}')
	LEFT JOIN units u ON u.unit_id = ua.unit_id AND u.opened_on <= DATE '${day}' AND (u.closed_on IS NULL OR u.closed_on > DATE '${day}')
	WHERE ${where}
	GROUP BY ALL ORDER BY a.code`;

async function download(page: Page, chart: string) {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.locator(`[data-chart="${chart}"]`).getByRole('button', { name: /CSV/ }).click(),
	]);
	return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}
const parseCsv = (text: string) => {
	const [header, ...lines] = text.trim().split('\n');
	return { header: header!, rows: lines.map((line) => line.split(',')) };
};
const fillOf = (units: number) => PALETTE.served[Math.min(units, 3)];

let se: DuckDBConnection;
beforeAll(async () => {
	browser = await launchBrowser();
	se = await marts(inject('dataDir'));
});
afterAll(async () => {
	await browser?.close();
});

// The fixture runs to July 2024: the latest full quarter is 2024 Q2.
const DAY = '2024-06-30';

describe('coverage', () => {
	it('is drawn in the prerendered HTML, map included', async () => {
		const html = await (await fetch(`${inject('baseUrl')}/coverage`)).text();
		expect(html).toContain('data-chart="coverage_map" data-state="ready"');
		expect((html.match(/data-code="/g) ?? []).length).toBe(290);
	});

	it('draws the 290 municipalities coloured by the units serving each, with no console error and no foreign request', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, '/coverage');
		await chartsSettled(page);
		// The live map replaces the prerendered one once the boundaries are fetched.
		await page.waitForSelector('[data-chart="coverage_map"] .live > figure');
		const drawn = await page.$$eval('[data-chart="coverage_map"] [data-code]', (paths) => paths.map((p) => [p.getAttribute('data-code'), p.getAttribute('fill')]));
		expect(drawn).toHaveLength(290);
		const expected = await rows(se, SERVING(DAY));
		expect(Object.fromEntries(drawn)).toEqual(Object.fromEntries(expected.map((r) => [r.code, fillOf(r.units_serving as number)])));
		// Not served looks different from served, and the legend names both.
		expect(new Set(drawn.map(([, fill]) => fill)).size).toBeGreaterThanOrEqual(3);
		expect(await page.locator('[data-chart="coverage_map"]').innerText()).toContain('Not served');
		await page.waitForTimeout(1000);
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('downloads the map and region CSVs with exactly the contract’s columns and the right figures', async () => {
		const { page } = await openPage(browser, '/coverage');
		await chartsSettled(page);
		const map = await download(page, 'coverage_map');
		expect(map.name).toBe('coverage_map.csv');
		const mapCsv = parseCsv(map.text);
		expect(mapCsv.header).toBe('code,name,region_code,population,units_serving');
		const expected = await rows(se, SERVING(DAY));
		expect(mapCsv.rows).toEqual(expected.map((r) => [r.code, r.name, r.region_code, String(r.population), String(r.units_serving)]));

		const regions = await download(page, 'coverage_regions');
		const regionCsv = parseCsv(regions.text);
		expect(regionCsv.header).toBe('region_code,region_name,municipalities,municipalities_served,population,population_served,units_open,fte,fte_per_10k');
		// Each unit in its own region; FTE is the mean over the quarter's weeks with a report from the region.
		const truth = await rows(
			se,
			`WITH served AS (${SERVING(DAY)}),
			places AS (SELECT region_code, any_value(region_name) AS region_name, count(*) AS municipalities, sum(population) AS population FROM areas GROUP BY ALL),
			covered AS (SELECT region_code, count(*) FILTER (WHERE units_serving > 0) AS municipalities_served,
				coalesce(sum(population) FILTER (WHERE units_serving > 0), 0) AS population_served FROM served GROUP BY ALL),
			open AS (SELECT region_code, count(*) AS units_open FROM units
				WHERE opened_on <= DATE '${DAY}' AND (closed_on IS NULL OR closed_on > DATE '${DAY}') GROUP BY ALL),
			weekly AS (SELECT u.region_code, w.week, sum(w.fte) AS fte FROM unit_week w JOIN units u USING (unit_id)
				WHERE w.week >= DATE '2024-04-01' AND w.week < DATE '2024-07-01' GROUP BY ALL),
			fte AS (SELECT region_code, avg(fte) AS fte FROM weekly GROUP BY ALL)
			SELECT p.region_code, p.region_name, p.municipalities, c.municipalities_served, p.population, c.population_served,
				coalesce(o.units_open, 0) AS units_open, f.fte, f.fte / p.population * 10000 AS fte_per_10k
			FROM places p JOIN covered c USING (region_code) LEFT JOIN open o USING (region_code) LEFT JOIN fte f USING (region_code)
			ORDER BY p.region_code`,
		);
		expect(regionCsv.rows).toHaveLength(21);
		for (const [i, row] of regionCsv.rows.entries()) {
			const want = truth[i]!;
			expect(row.slice(0, 7)).toEqual([want.region_code, want.region_name, ...['municipalities', 'municipalities_served', 'population', 'population_served', 'units_open'].map((k) => String(want[k]))]);
			for (const [column, key] of [[7, 'fte'], [8, 'fte_per_10k']] as const) {
				if (want[key] === null) expect(row[column]).toBe('');
				else expect(Number(row[column])).toBeCloseTo(want[key] as number, 9);
			}
		}
		await page.context().close();
	});

	it('filters to a region chosen in the table: the URL, the map zoomed to it, the table marking it', async () => {
		const { page, consoleErrors } = await openPage(browser, '/coverage');
		await chartsSettled(page);
		await page.waitForSelector('[data-chart="coverage_map"] .live > figure');
		await page.click('[data-chart="coverage_regions"] tr[data-region="14"] a');
		await page.waitForURL(/\/coverage\?region=14$/);
		await chartsSettled(page);
		const codes = await page.$$eval('[data-chart="coverage_map"] [data-code]', (paths) => paths.map((p) => p.getAttribute('data-code')));
		const region = await rows(se, `SELECT code FROM areas WHERE region_code = '14' ORDER BY code`);
		expect(codes).toEqual(region.map((r) => r.code));
		expect(await page.locator('tr.chosen').getAttribute('data-region')).toBe('14');
		expect(await page.locator('#filter-region').inputValue()).toBe('14');
		// The filter bar works the same way, and back returns to the country.
		await page.selectOption('#filter-region', '25');
		await page.waitForURL(/\?region=25$/);
		await chartsSettled(page);
		expect(await page.locator('[data-chart="coverage_map"] [data-code]').count()).toBe((await rows(se, `SELECT code FROM areas WHERE region_code = '25'`)).length);
		await page.goBack();
		await page.waitForURL(/\?region=14$/);
		await chartsSettled(page);
		expect(await page.locator('[data-chart="coverage_map"] [data-code]').count()).toBe(region.length);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('shows the figures of the last choice after quick changes in a row, never those of an earlier one', async () => {
		const { page, consoleErrors } = await openPage(browser, '/coverage');
		await chartsSettled(page);
		await page.waitForSelector('[data-chart="coverage_map"] .live > figure');
		// Five regions chosen without waiting for any figures; the answers may come back in any order.
		for (const region of ['01', '25', '14', '03', '12']) {
			await page.selectOption('#filter-region', region);
		}
		await page.waitForURL(/\?region=12$/);
		await chartsSettled(page);
		expect(await page.locator('[data-view]').getAttribute('data-view')).toBe('?region=12');
		const codes = await page.$$eval('[data-chart="coverage_map"] [data-code]', (paths) => paths.map((p) => p.getAttribute('data-code')));
		expect(codes).toEqual((await rows(se, `SELECT code FROM areas WHERE region_code = '12' ORDER BY code`)).map((r) => r.code));
		expect(await page.locator('tr.chosen').getAttribute('data-region')).toBe('12');
		// The trend and the bars, restyled rather than drawn again, stand out the last region and only it.
		const [{ region_name }] = (await rows(se, `SELECT DISTINCT region_name FROM areas WHERE region_code = '12'`)) as [{ region_name: string }];
		const lines = await page.$$eval('[data-chart="coverage_trend"] [aria-label="line"] path[stroke]', (paths) => paths.map((p) => [p.getAttribute('data-key'), p.getAttribute('stroke')]));
		expect(lines).toEqual([
			[region_name, PALETTE.series],
			[region_name, PALETTE.series],
		]);
		const bars = await page.$$eval('[data-chart="coverage_fte"] [aria-label="bar"] rect', (rects) => rects.map((r) => [r.getAttribute('data-key'), r.getAttribute('fill')]));
		expect(bars.filter(([, fill]) => fill === PALETTE.series).map(([key]) => key)).toEqual(['12']);
		expect(bars.length).toBeGreaterThan(1);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('finds a municipality by name and tells what the map shows of it', async () => {
		const { page } = await openPage(browser, '/coverage');
		await chartsSettled(page);
		await page.waitForSelector('[data-chart="coverage_map"] .live > figure');
		await page.fill('#municipality-search', 'Kiruna');
		const [kiruna] = await rows(se, SERVING(DAY, `a.name = 'Kiruna'`));
		await page.waitForSelector('.map-details[data-municipality="2584"]');
		const details = await page.locator('.map-details').innerText();
		expect(details).toContain('Kiruna (Norrbottens län)');
		expect(details).toContain(kiruna!.units_serving === 0 ? 'not served' : `served by ${kiruna!.units_serving === 1 ? '1 unit' : `${kiruna!.units_serving} units`}`);
		await page.context().close();
	});

	it('is reachable by keyboard: the map’s municipalities with the arrow keys, and the municipality table', async () => {
		const { page } = await openPage(browser, '/coverage');
		await chartsSettled(page);
		await page.waitForSelector('[data-chart="coverage_map"] .live > figure');
		await page.focus('#filter-unit');
		// Tab past the reset link into the map: its first municipality takes focus, the arrows move on.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('0114');
		await page.keyboard.press('ArrowRight');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe('0115');
		expect(await page.locator('.map-details').getAttribute('data-municipality')).toBe('0115');
		// The next Tab leaves the map (one stop), to the table alternative.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show the figures as a table');
		await page.keyboard.press('Enter');
		const table = page.locator('[data-chart="coverage_map"] table');
		await table.waitFor();
		expect(await table.locator('tbody tr').count()).toBe(290);
		expect(await table.locator('thead th').allInnerTexts()).toEqual(['Code', 'Municipality', 'Region', 'Inhabitants', 'Units serving']);
		await page.context().close();
	});

	it('sorts the region table by any column, the country staying the total row', async () => {
		const { page } = await openPage(browser, '/coverage');
		await chartsSettled(page);
		await page.click('.region-table th:nth-child(3) button'); // inhabitants served, highest first
		const shares = await page.$$eval('.region-table tbody tr td:nth-of-type(2)', (cells) => cells.map((c) => parseFloat(c.textContent!.trim())));
		expect(shares).toEqual([...shares].sort((a, b) => b - a));
		expect(await page.locator('.region-table th[aria-sort="descending"]').count()).toBe(1);
		expect(await page.locator('.region-table tfoot th').innerText()).toBe('Whole country');
		await page.context().close();
	});

	it('writes 0 FTE with "no units" for a region without units, never "No data", and says where FTE comes from a unit closed in the quarter (#21)', async () => {
		// The latest quarter up to the latest full one, 2024 Q2, with a region that has no unit open on its last day (on the
		// demo 2024 Q2 itself; at ten times the units every region has one by then, so an earlier quarter, chosen as `to`).
		// At a hundred times the units every region has a unit open in every quarter: the default quarter, 2024 Q2, is
		// read then, and every region's FTE must be its own, without a note.
		const [latest] = await rows(se, `
			WITH quarters AS (SELECT DISTINCT date_trunc('quarter', week)::DATE AS first, (first + INTERVAL 3 MONTH - INTERVAL 1 DAY)::DATE AS last FROM unit_week WHERE week < DATE '2024-07-01'),
				open_units AS (SELECT q.first, u.region_code, count(*) AS open FROM quarters q JOIN units u ON u.opened_on <= q.last AND (u.closed_on IS NULL OR u.closed_on > q.last) GROUP BY ALL)
			SELECT max(q.first)::VARCHAR AS first FROM quarters q CROSS JOIN (SELECT DISTINCT region_code FROM areas) a
			LEFT JOIN open_units o ON o.first = q.first AND o.region_code = a.region_code WHERE o.open IS NULL`);
		const first = String(latest!.first ?? '2024-04-01');
		const quarter = `${first.slice(0, 4)}-Q${(Number(first.slice(5, 7)) + 2) / 3}`;
		const { page } = await openPage(browser, quarter === '2024-Q2' ? '/coverage' : `/coverage?to=${quarter}`);
		await chartsSettled(page);
		// Every region, with how many units it had open on that quarter's last day, and whether any unit of its reported in it.
		const regions = await rows(se, `
			WITH quarter AS (SELECT DATE '${first}' AS first, (DATE '${first}' + INTERVAL 3 MONTH)::DATE AS next)
			SELECT a.region_code, count(DISTINCT u.unit_id) FILTER (WHERE u.opened_on < q.next AND (u.closed_on IS NULL OR u.closed_on >= q.next)) AS open,
				count(w.week) AS reports
			FROM quarter q CROSS JOIN (SELECT DISTINCT region_code FROM areas) a LEFT JOIN units u USING (region_code)
			LEFT JOIN unit_week w ON w.unit_id = u.unit_id AND w.week >= q.first AND w.week < q.next
			GROUP BY ALL`);
		expect(regions).toHaveLength(21);
		const withoutUnits = regions.filter((r) => Number(r.open) === 0);
		// The quarter was chosen for a region without units, where the fixture has one.
		expect(withoutUnits.length > 0).toBe(latest!.first !== null);
		for (const { region_code, open, reports } of regions) {
			const fte = page.locator(`.region-table tr[data-region="${region_code}"] td:nth-of-type(4)`);
			const [text, note] = [await fte.innerText(), await fte.getAttribute('data-fte-note')];
			if (Number(open) > 0) expect(note, region_code as string).toBeNull();
			else if (Number(reports) === 0) expect([text.replace(/\s+/g, ' '), note]).toEqual(['0.0 no units', 'no-units']);
			else expect([text.includes('from a unit that closed during the quarter'), note]).toEqual([true, 'closed-within']);
			if (Number(open) === 0) expect(text, region_code as string).not.toContain('No data');
		}
		await page.context().close();
	});

	it('is in Swedish at /sv/coverage', async () => {
		const { page, consoleErrors } = await openPage(browser, '/sv/coverage');
		await chartsSettled(page);
		expect(await page.getAttribute('html', 'lang')).toBe('sv');
		expect(await page.locator('h1').innerText()).toBe('Täckning per kommun');
		expect(await page.locator('[data-chart="coverage_map"] h3').innerText()).toBe('Enheter som når varje kommun');
		expect(await page.locator('[data-chart="coverage_regions"] h3').innerText()).toBe('Täckning per län');
		expect(await page.locator('.region-table tfoot th').innerText()).toBe('Hela landet');
		expect(await page.locator('[data-chart="coverage_map"]').innerText()).toContain('Nås inte');
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});
});

describe('coverage in a country without boundaries', () => {
	it('draws a tile grid from the areas mart, coloured by the units serving each municipality', async () => {
		const tiles = await marts(inject('tileCountryDataDir'));
		const { page, consoleErrors } = await openPage(browser, '/coverage', {}, inject('tileCountryUrl'));
		await chartsSettled(page);
		const cells = await page.$$eval('[data-chart="coverage_map"] [aria-label="cell"] [data-code]', (nodes) => nodes.map((n) => [n.getAttribute('data-code'), n.getAttribute('fill')]));
		expect(cells).toHaveLength(24);
		// Its latest full quarter is 2024 Q2, as in the Swedish fixture.
		expect(await page.locator('[data-chart="coverage_map"] .definition').innerText()).toContain('2024 Q2');
		const expected = await rows(tiles, SERVING(DAY));
		expect(Object.fromEntries(cells)).toEqual(Object.fromEntries(expected.map((r) => [r.code, fillOf(r.units_serving as number)])));
		expect(await page.locator('[data-chart="coverage_map"] [aria-label="geo"]').count()).toBe(0);
		expect(await page.locator('[data-chart="coverage_map"]').innerText()).toContain('Each square is a municipality');
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});
});

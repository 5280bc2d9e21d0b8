/**
 * The public build in Chromium (#14): the same fixture as the other browser
 * tests, published with the public profile (counts of people under 5
 * withheld). Every view draws; a withheld value shows as ":" with a footnote
 * that says why, in the key figure, the table, the CSV and the drawing; no
 * chart draws one as zero. What is withheld is read here with SQL on the
 * published Parquet, apart from the site's code.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { downloadCsv, rows } from './csv.ts';
import { PUBLIC_MIN_CELL } from './setup.ts';
import { WINDOW_ROUNDING } from '../../src/lib/contract/index.ts';
import { axeViolations, chartsSettled, EVERY_ROUTE, isTextPage, openPage } from './site.ts';

let browser: Browser;
let db: DuckDBConnection;
const base = () => inject('publicUrl');

beforeAll(async () => {
	browser = await launchBrowser();
	db = await (await DuckDBInstance.create(':memory:')).connect();
	for (const name of ['public_cells', 'public_windows', 'public_staffing', 'units', 'areas']) {
		await db.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(inject('publicDataDir'), `${name}.parquet`)}')`);
	}
});
afterAll(async () => {
	await browser?.close();
});
// Each test's pages are closed after it: a page left open goes on computing the states one change away on the
// engine (../../src/lib/views/runtime.svelte.ts), on the cores the next test's page draws on.
afterEach(async () => {
	await Promise.all(browser.contexts().map((context) => context.close()));
});

const open = async (path: string) => {
	const watched = await openPage(browser, path, {}, base());
	await chartsSettled(watched.page);
	return watched;
};

/** The fixture's latest full quarter, the default view's. */
const LATEST = '2024-04-01';

/** The line of a trend: how many runs of drawn quarters it has (Plot starts each with an M). */
const runsOf = (values: readonly string[]) => values.reduce((runs, v, i) => runs + (v !== ':' && (i === 0 || values[i - 1] === ':') ? 1 : 0), 0);

async function withheldSigns(page: Page, chart: string) {
	return page.locator(`[data-chart="${chart}"] .live .suppressed-mark text`).allTextContents();
}

describe('the public build', () => {
	it('says it shows public statistics and its threshold; the internal build says it is internal', async () => {
		const { page } = await open('/');
		await expect(page.locator('.profile-notice').getAttribute('data-profile')).resolves.toBe('public');
		expect(await page.locator('.profile-notice').innerText()).toContain('fewer than 5 people');
		const internal = await openPage(browser, '/');
		await expect(internal.page.locator('.profile-notice').getAttribute('data-profile')).resolves.toBe('internal');
	});

	it.each(['/', '/coverage', '/waitlists', '/outcomes', '/outcomes?split=region', '/staffing', '/survival', '/sites', '/sv/staffing'])(
		'draws %s: every chart ready or empty, no console error, no request to another origin',
		async (path) => {
			const { page, consoleErrors, foreignRequests } = await open(path);
			const states = await page.locator('[data-chart]').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-state')));
			expect(states.every((s) => s === 'ready' || s === 'empty')).toBe(true);
			if (path === '/sites') {
				// On this small fixture every funnel is withheld (the next tests check why); each says so rather than drawing a wrong line.
				for (const chart of await page.locator('[data-chart][data-state="empty"]').all()) {
					await expect(chart.locator('[data-withheld-units], [data-network-withheld]').count()).resolves.toBeGreaterThan(0);
				}
			} else expect(states.filter((s) => s === 'ready').length).toBeGreaterThan(0);
			expect(consoleErrors).toEqual([]);
			expect(foreignRequests).toEqual([]);
		},
	);

	it('draws a unit page, its withheld figures as ":" with the reason', async () => {
		const [unit] = await rows(db, `SELECT unit_id FROM units ORDER BY unit_id LIMIT 1`);
		const { page, consoleErrors } = await open(`/units/${unit!.unit_id}`);
		const states = await page.locator('[data-chart]').evaluateAll((charts) => charts.map((c) => c.getAttribute('data-state')));
		expect(states.every((s) => s === 'ready' || s === 'empty')).toBe(true);
		expect(consoleErrors).toEqual([]);
		// Its employment rate per quarter: ":" exactly where a count it rests on is withheld.
		const csv = await downloadCsv(page, 'unit_employment_rate');
		expect(csv.header).toBe('quarter,unit,network,nation');
		const withheld = await rows(
			db,
			`SELECT strftime(quarter, '%Y-%m-%d') AS quarter FROM public_cells WHERE unit_id = '${unit!.unit_id}' AND weeks > 0 AND (employed IS NULL OR caseload IS NULL)
			AND quarter BETWEEN DATE '2019-01-01' AND DATE '${LATEST}' ORDER BY quarter`,
		);
		expect(csv.rows.filter((r) => r[1] === ':').map((r) => r[0])).toEqual(withheld.map((r) => r.quarter));
		if (withheld.length) {
			const note = page.locator('[data-chart="unit_employment_rate"] .suppressed-note');
			expect(Number(await note.getAttribute('data-withheld'))).toBe(csv.rows.flat().filter((c) => c === ':').length);
		}
		// The key figures: every spine measure has its row; the network's median and range are ":" where a unit of the
		// region has its employment withheld in the window (2023 Q3 – 2024 Q2), never the median of the units left.
		const [network] = await rows(
			db,
			`SELECT bool_or(c.weeks > 0 AND (c.employed IS NULL OR c.caseload IS NULL)) AS withheld FROM public_cells c JOIN units u USING (unit_id)
			WHERE u.region_code = (SELECT region_code FROM units WHERE unit_id = '${unit!.unit_id}') AND c.quarter BETWEEN DATE '2023-07-01' AND DATE '${LATEST}'`,
		);
		await expect(page.locator('.unit-key tbody tr').count()).resolves.toBe(6);
		// The caption counts the network's units with data in the window, withheld or shown (it once said "0 units").
		const [counted] = await rows(
			db,
			`SELECT count(*) AS n FROM (SELECT c.unit_id FROM public_cells c JOIN units u USING (unit_id)
			WHERE u.region_code = (SELECT region_code FROM units WHERE unit_id = '${unit!.unit_id}') AND c.quarter BETWEEN DATE '2023-07-01' AND DATE '${LATEST}'
			GROUP BY c.unit_id HAVING sum(c.weeks) > 0)`,
		);
		expect(Number(counted!.n)).toBeGreaterThan(1);
		expect(await page.locator('.unit-key caption').innerText()).toContain(`network’s ${Number(counted!.n)} units`);
		const employment = page.locator('.unit-key tr[data-measure="employment_rate"] td');
		const spine = await downloadCsv(page, 'unit_spine');
		const spread = spine.rows.find((r) => r[0] === 'employment_rate')!.slice(2, 7);
		if (network!.withheld) {
			expect(await employment.nth(1).innerText()).toBe(':');
			expect(await employment.nth(2).innerText()).toBe(':');
			expect(await page.locator('[data-spine-withheld]').first().innerText()).toContain('would be a wrong number');
			expect(spread).toEqual([':', ':', ':', ':', ':']);
		} else expect(spread.every((cell) => Number.isFinite(Number(cell)) && cell !== '')).toBe(true);
	});

	it('shows a withheld key figure as ":" with the reason, and its trend breaks there with ":" on the axis, never a zero', async () => {
		// A network whose people waiting are withheld in the latest quarter: a region's own cell where one is (the demo),
		// else a region with an organisation type, a funding or both (at a hundred times the units every region's own is
		// published); of those, the one with the most quarters published.
		const [cell] = await rows(
			db,
			`SELECT region_code, org_type, funding FROM public_cells WHERE unit_id IS NULL AND region_code IS NOT NULL AND weeks > 0 GROUP BY region_code, org_type, funding
			HAVING bool_or(quarter = DATE '${LATEST}' AND waitlist IS NULL)
			ORDER BY (org_type IS NOT NULL)::INT + (funding IS NOT NULL)::INT, count(waitlist) DESC, region_code, org_type, funding LIMIT 1`,
		);
		expect(cell, 'the fixture has a network whose waitlist is withheld in the latest quarter').toBeDefined();
		const network = { region: cell!.region_code as string, org: cell!.org_type as string | null, funding: cell!.funding as string | null };
		const search = Object.entries(network).flatMap(([key, value]) => (value === null ? [] : [`${key}=${value}`])).join('&');
		const { page } = await open(`/waitlists?${search}`);
		const figure = page.locator('[data-metric="people_waiting"]');
		expect(await figure.locator('.value .number').innerText()).toBe(':');
		expect(await figure.locator('.value').getAttribute('data-suppressed')).not.toBeNull();
		expect(await figure.locator('.change').innerText()).toContain(`fewer than ${PUBLIC_MIN_CELL} people`);

		// The CSV holds exactly the quarters shown; a withheld one is ":" and so is every part of it that is missing.
		const csv = await downloadCsv(page, 'people_waiting');
		const key = (column: string, value: string | null) => (value === null ? `${column} IS NULL` : `${column} = '${value}'`);
		const withheld = await rows(
			db,
			`SELECT strftime(quarter, '%Y-%m-%d') AS quarter, waitlist IS NULL AND weeks > 0 AS withheld, waitlist FROM public_cells
			WHERE ${key('region_code', network.region)} AND unit_id IS NULL AND ${key('org_type', network.org)} AND ${key('funding', network.funding)}
			AND quarter >= DATE '2019-01-01' AND quarter <= DATE '${LATEST}'
			ORDER BY quarter`,
		);
		const byQuarter = new Map(withheld.map((r) => [r.quarter as string, r]));
		const values = csv.rows.map((r) => r[1]!);
		csv.rows.forEach(([quarter, value]) => {
			const expected = byQuarter.get(quarter!);
			if (expected?.withheld) expect(value, quarter).toBe(':');
			else expect(value, quarter).not.toBe(':');
			// Never a zero where the published cell is not zero.
			if (value === '0') expect(expected?.waitlist, quarter).toBe(0);
		});
		const signs = values.filter((v) => v === ':').length;
		expect(signs).toBeGreaterThan(0);
		// The footnote counts them, and the drawing marks each on the axis where its line breaks.
		expect(Number(await page.locator('[data-chart="people_waiting"] .suppressed-note').getAttribute('data-withheld'))).toBe(signs);
		expect(await page.locator('[data-chart="people_waiting"] .suppressed-note').innerText()).toContain('Never zero');
		expect(await withheldSigns(page, 'people_waiting')).toEqual(new Array(signs).fill(':'));
		const path = await page.locator('[data-chart="people_waiting"] .live [aria-label="line"] path').getAttribute('d');
		expect(path!.match(/M/g)).toHaveLength(runsOf(values.map((v) => (v === '' ? ':' : v))));

		// The table alternative writes ":" too.
		await page.locator('[data-chart="people_waiting"] details summary').click(); // the table is built when opened
		await page.locator('[data-chart="people_waiting"] table tbody tr').first().waitFor();
		const cells = await page.locator('[data-chart="people_waiting"] table tbody tr td:nth-child(2)').allInnerTexts();
		expect(cells.filter((c) => c === ':')).toHaveLength(signs);
	});

	it.each([...EVERY_ROUTE, '/units/U0001', '/sv/units/U0002'])('%s has no axe violation of any impact on the public build', async (path) => {
		const { page } = await openPage(browser, path, { bypassCSP: true }, base());
		if (!isTextPage(path)) await chartsSettled(page);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('places a unit in a funnel from its published window where a quarter is withheld, leaves out the rest, says how many, and draws no line from the units left', async () => {
		// The window: 2023 Q3 to 2024 Q2. A count with a withheld quarter is given by the unit's published window
		// (public_windows, rounded), or the unit is left out.
		const window = `quarter BETWEEN DATE '2023-07-01' AND DATE '${LATEST}'`;
		const unitsOf = async (count: string) =>
			(
				await rows(
					db,
					`WITH q AS (
						SELECT unit_id, sum(expected) AS expected, bool_or(weeks > 0 AND ${count} IS NULL) AS count_withheld, bool_or(weeks > 0 AND caseload IS NULL) AS caseload_withheld
						FROM public_cells WHERE unit_id IS NOT NULL AND ${window} GROUP BY unit_id
					)
					SELECT count(*) FILTER (WHERE (count_withheld AND w.${count} IS NULL) OR (caseload_withheld AND w.caseload IS NULL)) AS withheld,
						count(*) FILTER (WHERE (count_withheld OR caseload_withheld) AND NOT ((count_withheld AND w.${count} IS NULL) OR (caseload_withheld AND w.caseload IS NULL))) AS rounded
					FROM q LEFT JOIN public_windows w ON w.unit_id = q.unit_id AND w.quarter = DATE '${LATEST}'
					WHERE expected > 0`,
				)
			)[0]!;
		// The nation's own cells over the window: its rate, or NULL where a quarter's count is withheld.
		const nationRate = async (count: string) =>
			(
				await rows(
					db,
					`SELECT CASE WHEN bool_or(${count} IS NULL OR caseload IS NULL) THEN NULL ELSE sum(${count} * weeks) / sum(caseload * weeks) END AS rate
					FROM public_cells WHERE unit_id IS NULL AND region_code IS NULL AND org_type IS NULL AND funding IS NULL AND weeks > 0 AND ${window}`,
				)
			)[0]!.rate as number | null;
		const { page } = await open('/sites');
		let [withheldSomewhere, roundedSomewhere] = [0, 0];
		for (const [funnel, count] of [['employment', 'employed'], ['education', 'in_education']] as const) {
			const chart = page.locator(`[data-chart="funnel_${funnel}"]`);
			const [{ withheld: units, rounded }, network] = [await unitsOf(count), await nationRate(count)];
			withheldSomewhere += units as number;
			if (network !== null) roundedSomewhere += rounded as number;
			// Placed from a window: counted, and said to be approximate (where there is a funnel: the network's rate is published).
			if (rounded && network !== null) {
				expect(Number(await chart.locator('[data-rounded-units]').getAttribute('data-rounded-units')), funnel).toBe(rounded);
				expect(await chart.locator('[data-rounded-units]').innerText()).toContain(`to the nearest ${WINDOW_ROUNDING}`);
			} else await expect(chart.locator('[data-rounded-units]').count()).resolves.toBe(0);
			if (!units) continue;
			expect(Number(await chart.locator('[data-withheld-units]').getAttribute('data-withheld-units')), funnel).toBe(units);
			expect(await chart.locator('[data-withheld-units]').innerText()).toContain('withheld (:)');
			if (network === null) {
				// The network's own rate withheld too: no funnel, and the reason; never a line from the units left.
				expect(await chart.locator('[data-network-withheld]').innerText()).toContain('the network’s rate is withheld');
				await expect(chart.locator('.live svg [aria-label="dot"] :is(path, circle)').count()).resolves.toBe(0);
			} else {
				// The line is the nation's own rate from its cells, not the rate of the units left.
				expect(Number(await chart.locator('[data-network]').getAttribute('data-network')), funnel).toBeCloseTo(network, 12);
				expect(await chart.locator('[data-network]').innerText()).toContain(`${(network * 100).toFixed(1)}%`);
				await expect(chart.locator('[data-network-withheld]').count()).resolves.toBe(0);
			}
		}
		expect(withheldSomewhere).toBeGreaterThan(0);
		expect(roundedSomewhere).toBeGreaterThan(0);
	});

	it('shows staffing for a unit only where published: tenure for the nation with the reason, a withheld stability index', async () => {
		const [unit] = await rows(db, `SELECT unit_id FROM units ORDER BY unit_id LIMIT 1`);
		const { page } = await open(`/staffing?unit=${unit!.unit_id}`);
		expect(await page.locator('[data-tenure-scope="nation"]').innerText()).toContain('whole country');
		expect(await page.locator('[data-stability][data-suppressed]').innerText()).toContain('withheld');
		// Turnover: the unit's own where not withheld, ":" where it is, with its region beside it.
		const csv = await downloadCsv(page, 'turnover_by_year');
		expect(csv.header).toBe('year,group,leavers,mean_headcount,turnover');
		const published = await rows(
			db,
			`SELECT year, leavers, mean_headcount FROM public_staffing WHERE unit_id = '${unit!.unit_id}' AND year BETWEEN 2019 AND 2023 ORDER BY year`,
		);
		const own = csv.rows.filter((r) => r[1] === 'all');
		expect(own.map((r) => Number(r[0]))).toEqual(published.map((r) => r.year));
		own.forEach((r, i) => {
			const row = published[i]!;
			expect(r[2], `leavers ${r[0]}`).toBe(row.leavers === null ? ':' : String(row.leavers));
			if (row.leavers === null || row.mean_headcount === null) expect(r[4]).toBe(':');
		});
	});

	it('states its method and the share of counts withheld per table, from the manifest', async () => {
		const manifest = JSON.parse(await (await fetch(`${base()}/data/manifest.json`)).text());
		expect(manifest.profile).toBe('public');
		expect(manifest.min_cell).toBe(PUBLIC_MIN_CELL);
		// The Methods page has no chart to wait for.
		const { page, consoleErrors } = await openPage(browser, '/methods', {}, base());
		expect(consoleErrors).toEqual([]);
		const table = page.locator('[data-suppression] tbody tr');
		expect(await table.count()).toBe(Object.keys(manifest.suppression).length);
		const first = await table.first().innerText();
		const [name, counts] = Object.entries(manifest.suppression)[0] as [string, { cells: number }];
		expect(first).toContain(name);
		expect(first.replace(/[\s,]/g, '')).toContain(String(counts.cells));
		// The facts the site computes on a public build read the published cells.
		expect(await page.locator('#shared-sql').textContent()).toContain('public_cells');
		// And the statistics of their own read the public marts: turnover from public_staffing, tenure from public_tenure.
		expect(await page.locator('#turnover').textContent()).toContain('public_staffing');
		expect(await page.locator('#tenure').textContent()).toContain('public_tenure');
	});
});

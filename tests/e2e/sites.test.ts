/**
 * Site comparison, unit pages and the budget pack in Chromium. The funnel
 * CSVs are checked against sizes computed here with SQL on the published
 * Parquet and limits computed here from FunnelPlotR's formulas, written
 * again without the site's code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { downloadCsv, marts, rows } from './csv.ts';
import { baseUrl, chartsSettled, englishIn, englishOnlyWords, openPage, visibleSwedishText } from './site.ts';

let browser: Browser;
let db: DuckDBConnection;
const scratch = mkdtempSync(join(tmpdir(), 'ips-pack-'));
beforeAll(async () => {
	browser = await launchBrowser();
	db = await marts(inject('dataDir'));
});
afterAll(async () => {
	await browser?.close();
});

/**
 * The fixture's latest full quarter is 2024 Q2, so the window is 2023 Q3 –
 * 2024 Q2. Per unit open in it: its reported weeks, mean weekly caseload,
 * employed and in education; its open weeks (over the weeks in the data)
 * and those with a report.
 */
const WINDOW = `
	WITH data_weeks AS (SELECT DISTINCT week FROM unit_week WHERE week >= DATE '2023-07-01' AND week < DATE '2024-07-01'),
	open_weeks AS (
		SELECT u.unit_id, d.week FROM units u, data_weeks d
		WHERE u.opened_on < d.week + 7 AND (u.closed_on IS NULL OR u.closed_on > d.week)
	),
	reported AS (SELECT unit_id, week FROM unit_week WHERE week >= DATE '2023-07-01' AND week < DATE '2024-07-01'),
	sums AS (
		SELECT unit_id, count(*) AS weeks, sum(caseload) AS caseload, sum(employed) AS employed, sum(in_education) AS in_education
		FROM unit_week WHERE week >= DATE '2023-07-01' AND week < DATE '2024-07-01' GROUP BY unit_id
	)
	SELECT u.unit_id, u.name,
		(SELECT count(*) FROM open_weeks o WHERE o.unit_id = u.unit_id) AS expected,
		(SELECT count(*) FROM open_weeks o JOIN reported r USING (unit_id, week) WHERE o.unit_id = u.unit_id) AS reported,
		s.caseload / s.weeks AS caseload, s.employed / s.weeks AS employed, s.in_education / s.weeks AS in_education
	FROM units u LEFT JOIN sums s USING (unit_id)
	WHERE (SELECT count(*) FROM open_weeks o WHERE o.unit_id = u.unit_id) > 0`;

interface Sized {
	unit_id: string;
	n: number;
	r: number;
}

/** FunnelPlotR's proportion limits, from its R source (od_adjustment.R, calculate_limits.R), written again here. */
function expectedFunnel(units: Sized[], adjust: boolean) {
	const target = units.reduce((a, u) => a + u.r, 0) / units.reduce((a, u) => a + u.n, 0);
	const theta = Math.asin(Math.sqrt(target));
	const s = (n: number) => 1 / (2 * Math.sqrt(n));
	const z = units.map((u) => (Math.asin(Math.sqrt(u.r / u.n)) - theta) / s(u.n)).sort((a, b) => a - b);
	const typeSeven = (p: number) => {
		const h = (z.length - 1) * p;
		return z[Math.floor(h)]! + (h - Math.floor(h)) * (z[Math.ceil(h)]! - z[Math.floor(h)]!);
	};
	const [lo, hi] = [typeSeven(0.1), typeSeven(0.9)];
	const phi = z.reduce((a, v) => a + Math.min(hi, Math.max(lo, v)) ** 2, 0) / z.length;
	const w = units.map((u) => 1 / s(u.n) ** 2);
	const sw = w.reduce((a, b) => a + b, 0);
	const tau2 = adjust ? Math.max(0, (units.length * phi - (units.length - 1)) / (sw - w.reduce((a, b) => a + b * b, 0) / sw)) : 0;
	const limit = (n: number, k: number) => {
		const x = theta + k * Math.sqrt(s(n) ** 2 + tau2);
		return x <= 0 ? 0 : x >= Math.PI / 2 ? 1 : Math.sin(x) ** 2;
	};
	return new Map(
		units.map((u) => [
			u.unit_id,
			{
				rate: u.r / u.n,
				z: (Math.asin(Math.sqrt(u.r / u.n)) - theta) / Math.sqrt(s(u.n) ** 2 + tau2),
				lower95: limit(u.n, -1.959964),
				upper95: limit(u.n, 1.959964),
				lower998: limit(u.n, -3.090232),
				upper998: limit(u.n, 3.090232),
			},
		]),
	);
}

const close = (cell: string, want: number) => Math.abs(Number(cell) - want) <= 1e-9 * Math.max(1, Math.abs(want));
const HEADER = 'unit_id,unit_name,n,r,rate,z,lower95,upper95,lower998,upper998,flag';

/** The units' dots a funnel draws: a path per colour, each dot a circle of it (M, then two arcs). */
const dotsDrawn = (chart: Locator) =>
	chart.locator('.live svg [aria-label="dot"]').first().locator('path').evaluateAll((paths) => paths.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g)?.length ?? 0), 0));

async function checkFunnel(page: Page, chart: string, sized: Sized[], adjust: boolean) {
	const csv = await downloadCsv(page, chart);
	expect(csv.header).toBe(HEADER);
	const want = expectedFunnel(sized, adjust);
	expect(csv.rows.map((r) => r[0]).sort()).toEqual(sized.map((u) => u.unit_id).sort());
	for (const row of csv.rows) {
		const [unitId, , n, r, rate, z, l95, u95, l998, u998, flag] = row as [string, string, string, string, string, string, string, string, string, string, string];
		const unit = sized.find((u) => u.unit_id === unitId)!;
		const expected = want.get(unitId)!;
		expect(close(n, unit.n) && close(r, unit.r), `${chart} ${unitId} n, r`).toBe(true);
		for (const [cell, value] of [[rate, expected.rate], [z, expected.z], [l95, expected.lower95], [u95, expected.upper95], [l998, expected.lower998], [u998, expected.upper998]] as const) {
			expect(close(cell, value), `${chart} ${unitId}: ${cell} against ${value}`).toBe(true);
		}
		expect(flag).toBe(expected.rate > expected.upper998 ? 'above' : expected.rate < expected.lower998 ? 'below' : 'within');
	}
	return csv;
}

describe('/sites', () => {
	it('draws three funnels on the demo data whose CSVs equal an independent computation, with no console error or foreign request', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, '/sites');
		await chartsSettled(page);
		const states = await page.$$eval('[data-chart]', (charts) => charts.map((c) => [c.getAttribute('data-chart'), c.getAttribute('data-state')]));
		expect(states).toEqual([
			['funnel_employment', 'ready'],
			['funnel_education', 'ready'],
			['funnel_completeness', 'ready'],
		]);
		const window = await rows(db, WINDOW);
		const withCaseload = window.filter((u) => (u.caseload as number | null) && (u.caseload as number) > 0);
		expect(withCaseload.length).toBeGreaterThan(20);
		const employment = await checkFunnel(page, 'funnel_employment', withCaseload.map((u) => ({ unit_id: u.unit_id as string, n: u.caseload as number, r: u.employed as number })), true);
		await checkFunnel(page, 'funnel_education', withCaseload.map((u) => ({ unit_id: u.unit_id as string, n: u.caseload as number, r: u.in_education as number })), true);
		await checkFunnel(page, 'funnel_completeness', window.map((u) => ({ unit_id: u.unit_id as string, n: u.expected as number, r: u.reported as number })), true);
		// A dot per unit, and the table's first rows (the next test lists them all).
		const funnel = page.locator('[data-chart="funnel_employment"]');
		expect(await dotsDrawn(funnel)).toBe(employment.rows.length);
		expect(await funnel.locator('tbody tr').count()).toBe(Math.min(20, employment.rows.length));
		// The footnote states φ and τ, and that the adjustment is used.
		expect(await funnel.locator('[data-adjusted="true"]').innerText()).toMatch(/φ = \d+\.\d\d, τ = \d\.\d{3}/);
		await page.waitForTimeout(500);
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('turns the overdispersion adjustment off with ?od=off (from the checkbox too), which narrows the limits', async () => {
		const { page } = await openPage(browser, '/sites');
		await chartsSettled(page);
		const adjusted = await downloadCsv(page, 'funnel_employment');
		const method = page.locator('[data-chart="funnel_employment"] [data-tau]');
		const tau = Number(await method.getAttribute('data-tau'));
		expect(tau).toBeGreaterThan(0);
		await page.getByLabel('Allow for overdispersion').uncheck();
		await page.waitForURL(/\?od=off$/);
		await chartsSettled(page);
		expect(await page.locator('[data-chart="funnel_employment"] [data-adjusted="false"]').count()).toBe(1);
		// Off, the footnote says what τ would be: the same τ as with the adjustment on, never 0.000 (#21).
		expect(Number(await method.getAttribute('data-tau'))).toBeCloseTo(tau, 12);
		expect(await method.innerText()).toContain(`τ would be ${tau.toFixed(3)}`);
		const window = await rows(db, WINDOW);
		const sized = window.filter((u) => (u.caseload as number) > 0).map((u) => ({ unit_id: u.unit_id as string, n: u.caseload as number, r: u.employed as number }));
		const plain = await checkFunnel(page, 'funnel_employment', sized, false);
		// Each unit's 99.8 % band is narrower without the adjustment.
		for (const row of plain.rows) {
			const before = adjusted.rows.find((r) => r[0] === row[0])!;
			expect(Number(row[9]) - Number(row[8])).toBeLessThan(Number(before[9]) - Number(before[8]));
		}
		await page.context().close();
	});

	it('links each unit in the table to its page, and sorts the table by a column', async () => {
		const { page } = await openPage(browser, '/sites');
		await chartsSettled(page);
		const table = page.locator('[data-chart="funnel_employment"] table');
		await table.getByRole('button', { name: /Sort by Size/ }).click();
		const sizes = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
		const numbers = sizes.map((s) => Number(s.replace(/,/g, '')));
		expect(numbers).toEqual(numbers.slice().sort((a, b) => b - a));
		const first = table.locator('tbody tr th a').first();
		const name = await first.innerText();
		await first.click();
		await page.waitForURL(/\/units\/U\d+$/);
		expect(await page.locator('h1').innerText()).toBe(name);
		await page.context().close();
	});

	it('rings and names in its funnel the unit pointed at or focused in the table, and no other', async () => {
		const { page, consoleErrors } = await openPage(browser, '/sites');
		await chartsSettled(page);
		const chart = page.locator('[data-chart="funnel_employment"]');
		// The units' dots are paths; a ring is a circle.
		const ringed = () => chart.locator('.live svg [aria-label="dot"] circle').count();
		const named = async (name: string) => (await chart.locator('.live svg .funnel-label text').allTextContents()).filter((text) => text.startsWith(`${name}: `)).length;
		const [first, second] = [chart.locator('tbody tr').nth(0), chart.locator('tbody tr').nth(1)];
		const [firstName, secondName] = [await first.locator('th a').innerText(), await second.locator('th a').innerText()];
		expect(await ringed()).toBe(0);
		// Pointing at a cell of a row, then at another row, then away from the table.
		await first.locator('td').nth(1).hover();
		await expect.poll(ringed).toBe(1);
		expect(await named(firstName)).toBe(1);
		await second.locator('td').nth(2).hover();
		await expect.poll(() => named(secondName)).toBe(1);
		expect([await ringed(), await named(firstName)]).toEqual([1, 0]);
		await page.locator('h1').hover();
		await expect.poll(ringed).toBe(0);
		// By keyboard: a row's link focused, then the one before it, then focus leaves the table.
		await second.locator('th a').focus();
		await expect.poll(() => named(secondName)).toBe(1);
		await page.keyboard.press('Shift+Tab');
		await expect.poll(() => named(firstName)).toBe(1);
		expect([await ringed(), await named(secondName)]).toEqual([1, 0]);
		await page.locator('#filter-region').focus();
		await expect.poll(ringed).toBe(0);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('hides a chart below the screen until it is drawn for the new filters, and draws every chart before printing', async () => {
		const { page, consoleErrors } = await openPage(browser, '/sites');
		await page.waitForSelector('[data-chart="funnel_completeness"][data-state="ready"]');
		// Live, its charts' first effects run: a change before that is given again once it is (robustness.test.ts), not this test's subject.
		await page.waitForFunction(() => document.documentElement.dataset.running === 'true');
		await page.selectOption('#filter-region', '14');
		await page.waitForURL(/\/sites\?region=14$/);
		await page.waitForSelector('[data-view="?region=14"]');
		const completeness = page.locator('[data-chart="funnel_completeness"]');
		// The third funnel is far below the screen: not drawn for region 14 yet, and its earlier drawing not shown.
		expect(await completeness.getAttribute('data-drawn')).toBe('stale');
		expect(await completeness.locator('.live').evaluate((live) => getComputedStyle(live).visibility)).toBe('hidden');
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		expect(await page.$$eval('[data-chart]', (charts) => charts.map((c) => c.getAttribute('data-drawn')))).toEqual(['current', 'current', 'current']);
		expect(await completeness.locator('.live').evaluate((live) => getComputedStyle(live).visibility)).toBe('visible');
		const csv = await downloadCsv(page, 'funnel_completeness');
		expect(await dotsDrawn(completeness)).toBe(csv.rows.length);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('lists the flagged units first, then the first 20 of the order chosen and the chosen unit wherever it comes, and all of them on request', async () => {
		const { page } = await openPage(browser, '/sites');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'funnel_employment');
		const [id, name, z, flag] = ['unit_id', 'unit_name', 'z', 'flag'].map((column) => csv.header.split(',').indexOf(column)) as [number, number, number, number];
		// The first order: units outside the 99.8 % limits first (#21), then by how far each lies from the target, |z|.
		const outside = (row: string[]) => (row[flag] === 'within' ? 1 : 0);
		const byZ = csv.rows.slice().sort((a, b) => outside(a) - outside(b) || Math.abs(Number(b[z])) - Math.abs(Number(a[z])) || a[name]!.localeCompare(b[name]!, 'en'));
		expect(csv.rows.some((row) => row[flag] !== 'within')).toBe(true);
		expect(byZ.length).toBeGreaterThan(20);
		const listed = (p: Page) => p.locator('[data-chart="funnel_employment"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit')));
		expect(await listed(page)).toEqual(byZ.slice(0, 20).map((r) => r[id]));
		const more = page.locator('[data-chart="funnel_employment"] .table-more');
		expect(await more.innerText()).toBe(`Show all ${byZ.length} units`);
		await more.click();
		expect(await more.getAttribute('aria-expanded')).toBe('true');
		expect(await listed(page)).toEqual(byZ.map((r) => r[id]));
		await page.context().close();

		// The unit chosen in the filters is listed after the first 20, and marked.
		const last = byZ.at(-1)![id]!;
		const chosen = await openPage(browser, `/sites?unit=${last}`);
		await chartsSettled(chosen.page);
		expect(await listed(chosen.page)).toEqual([...byZ.slice(0, 20).map((r) => r[id]), last]);
		expect(await chosen.page.locator('[data-chart="funnel_employment"] tr.chosen').getAttribute('data-unit')).toBe(last);
		// The URL's unit was checked against the list of units, fetched for it, and the filter shows it chosen.
		expect(await chosen.page.$eval('#filter-unit', (select) => (select as HTMLSelectElement).value)).toBe(last);
		await chosen.page.context().close();
	});
});

describe('unit pages', () => {
	let unit: { unit_id: string; name: string };
	beforeAll(async () => {
		// The unit with the largest caseload in the latest quarter: one with every chart to draw.
		const [top] = await rows(db, `
			SELECT u.unit_id, u.name FROM unit_week w JOIN units u USING (unit_id)
			WHERE w.week >= DATE '2024-04-01' GROUP BY ALL ORDER BY sum(w.caseload) DESC, u.unit_id LIMIT 1`);
		unit = top as typeof unit;
	});

	it('builds a page for every unit, in English and in Swedish', async () => {
		const units = await rows(db, `SELECT unit_id, name FROM units ORDER BY unit_id`);
		expect(units.length).toBeGreaterThan(30);
		for (const { unit_id, name } of units) {
			for (const path of [`/units/${unit_id}`, `/sv/units/${unit_id}`]) {
				const response = await fetch(`${baseUrl()}${path}`);
				expect(response.status, path).toBe(200);
				expect(await response.text()).toContain(`<h1>${String(name).replaceAll('&', '&amp;')}</h1>`);
			}
		}
	});

	it('shows the unit against its network and the nation, with the spine chart, and no console error', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, `/units/${unit.unit_id}`);
		await chartsSettled(page);
		const charts = await page.$$eval('[data-chart]', (all) => all.map((c) => c.getAttribute('data-chart')));
		// Values with their units where the number alone does not say it (#21): the row says "Mean wait (days)", not a bare 31.0.
		expect(await page.locator('.unit-key tr[data-measure="mean_wait"] th').innerText()).toBe('Mean wait (days)');
		expect(await page.locator('.unit-key tr[data-measure="employment_rate"] th').innerText()).toBe('In competitive employment');
		const wait = await page.locator('.unit-key tr[data-measure="mean_wait"] td').allInnerTexts();
		expect(wait[0]).toMatch(/^\d+\.\d$/);
		expect(wait[2]).toMatch(/^\d+\.\d – \d+\.\d$/);
		expect(charts).toEqual([
			'unit_spine',
			'unit_employment_rate',
			'unit_caseload_per_fte',
			'unit_waitlist_per_fte',
			'unit_turnover',
			'unit_fidelity',
			'unit_education_rate',
			'unit_job_starts_per_fte',
			'unit_mean_wait',
			'unit_report_completeness',
			'unit_funding',
			'unit_areas',
		]);
		// The employment rate per quarter: the unit's own reports, its region's and the country's.
		const csv = await downloadCsv(page, 'unit_employment_rate');
		expect(csv.header).toBe('quarter,unit,network,nation');
		const truth = await rows(db, `
			WITH q AS (SELECT date_trunc('quarter', week)::DATE AS quarter, unit_id, employed, caseload FROM unit_week)
			SELECT strftime(quarter, '%Y-%m-%d') AS quarter,
				sum(employed) FILTER (WHERE unit_id = '${unit.unit_id}') / sum(caseload) FILTER (WHERE unit_id = '${unit.unit_id}') AS unit,
				sum(employed) FILTER (WHERE region_code = (SELECT region_code FROM units WHERE unit_id = '${unit.unit_id}'))
					/ sum(caseload) FILTER (WHERE region_code = (SELECT region_code FROM units WHERE unit_id = '${unit.unit_id}')) AS network,
				sum(employed) / sum(caseload) AS nation
			FROM q JOIN units USING (unit_id) WHERE quarter < DATE '2024-07-01' GROUP BY quarter ORDER BY quarter`);
		expect(csv.rows.map((r) => r[0])).toEqual(truth.map((r) => r.quarter));
		for (const [i, row] of csv.rows.entries()) {
			for (const [c, key] of [[1, 'unit'], [2, 'network'], [3, 'nation']] as const) {
				const want = truth[i]![key] as number | null;
				if (want === null || !Number.isFinite(want)) expect(row[c]).toBe('');
				else expect(close(row[c]!, want), `${row.join(',')} ${key}`).toBe(true);
			}
		}
		// The spine chart's row for the employment rate: the unit and its network's quartiles over the last four quarters.
		const spine = await downloadCsv(page, 'unit_spine');
		expect(spine.header).toBe('measure,value,min,q1,median,q3,max,units,better');
		const employment = spine.rows.find((r) => r[0] === 'employment_rate')!;
		const network = (await rows(db, `
			SELECT sum(employed) / sum(caseload) AS rate FROM unit_week JOIN units USING (unit_id)
			WHERE week >= DATE '2023-07-01' AND week < DATE '2024-07-01' AND region_code = (SELECT region_code FROM units WHERE unit_id = '${unit.unit_id}')
			GROUP BY unit_id HAVING sum(caseload) > 0 ORDER BY rate`)).map((r) => r.rate as number);
		const typeSeven = (p: number) => {
			const h = (network.length - 1) * p;
			return network[Math.floor(h)]! + (h - Math.floor(h)) * (network[Math.ceil(h)]! - network[Math.floor(h)]!);
		};
		expect(Number(employment[7])).toBe(network.length);
		for (const [c, p] of [[2, 0], [3, 0.25], [4, 0.5], [5, 0.75], [6, 1]] as const) expect(close(employment[c]!, typeSeven(p)), `spine column ${c}`).toBe(true);
		expect(employment[8]).toBe('higher');
		await page.waitForTimeout(500);
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('prints as one A4 page with the six page charts', async () => {
		const { page } = await openPage(browser, `/units/${unit.unit_id}`);
		await chartsSettled(page);
		await page.emulateMedia({ media: 'print' });
		const visible = await page.$$eval('[data-chart]', (all) => all.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getAttribute('data-chart')));
		expect(visible).toEqual(['unit_spine', 'unit_employment_rate', 'unit_caseload_per_fte', 'unit_waitlist_per_fte', 'unit_turnover', 'unit_fidelity']);
		// Every spine label whole inside its drawing and clear of the bars (#21: "People waiting per specialist FTE" was cut off).
		const labels = await page.$$eval('[data-chart="unit_spine"] .live svg [aria-label="y-axis tick label"] text', (texts) =>
			texts.map((text) => {
				const drawing = text.closest('svg')!;
				const svg = drawing.getBoundingClientRect();
				const box = text.getBoundingClientRect();
				const bar = drawing.querySelector('[aria-label="bar"] rect')!.getBoundingClientRect();
				return { text: text.textContent, inside: box.left >= svg.left - 0.5, clear: bar.left - box.right };
			}),
		);
		expect(labels.map((l) => l.text).join(' ')).toContain('People waiting');
		for (const label of labels) {
			expect(label.inside, label.text!).toBe(true);
			expect(label.clear, label.text!).toBeGreaterThanOrEqual(4);
		}
		const pdf = join(scratch, 'printed.pdf');
		await page.pdf({ path: pdf, format: 'A4', printBackground: true });
		expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
		await page.context().close();
	});

	/** Clicks a pack button and saves what it gives. */
	async function pack(page: Page, kind: 'pdf' | 'pptx' | 'zip') {
		const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-download="${kind}"]`)]);
		const path = join(scratch, download.suggestedFilename());
		await download.saveAs(path);
		return { name: download.suggestedFilename(), path };
	}

	for (const [locale, path, words] of [
		['English', '', { key: 'The last four quarters', slide: 'In competitive employment', file: 'budget-pack', zipDone: 'The ZIP of all charts is ready.' }],
		['Swedish', '/sv', { key: 'De fyra senaste kvartalen', slide: 'I arbete på öppna marknaden', file: 'budgetunderlag', zipDone: 'Alla diagram (ZIP) är klara.' }],
	] as const) {
		it(`gives the budget pack in ${locale}: a one-page PDF, slides, and a ZIP of every chart`, async () => {
			const { page, consoleErrors } = await openPage(browser, `${path}/units/${unit.unit_id}`);
			await chartsSettled(page);
			const charts = await page.$$eval('[data-chart]', (all) => all.map((c) => c.getAttribute('data-chart')!));
			const employment = await page.locator('.unit-key tr[data-measure="employment_rate"] td').first().innerText();

			// The PDF: one A4 page that renders, whose text holds the unit's name, the key figures, the period and the source.
			const pdf = await pack(page, 'pdf');
			expect(pdf.name).toBe(`${unit.unit_id}-${words.file}.pdf`);
			expect(execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
			execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', pdf.path, join(scratch, `page-${locale}`)]);
			expect(readFileSync(join(scratch, `page-${locale}.png`)).subarray(1, 4).toString()).toBe('PNG');
			const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
			expect(text).toContain(unit.name);
			expect(text).toContain(words.key);
			expect(text).toContain(employment.replace(/\u00a0/g, ' '));
			expect(text).toContain(locale === 'Swedish' ? 'Källa' : 'Source');
			// No English word left in the Swedish PDF (#21), nor on its page.
			if (locale === 'Swedish') {
				expect(englishIn(text, englishOnlyWords())).toEqual([]);
				expect(englishIn(await visibleSwedishText(page), englishOnlyWords())).toEqual([]);
			}

			// The slides: a valid package with one slide per chart, in the page's language.
			const pptx = await pack(page, 'pptx');
			const slides = unzipSync(readFileSync(pptx.path));
			expect(Object.keys(slides)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'ppt/presentation.xml', '_rels/.rels']));
			const slideFiles = Object.keys(slides).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
			// A title slide, the key figures as a table, then a slide per chart.
			expect(slideFiles).toHaveLength(charts.length + 2);
			const slide = (n: number) => strFromU8(slides[`ppt/slides/slide${n}.xml`]!);
			expect(slide(1)).toContain(unit.name);
			expect(slide(2)).toContain('<a:tbl>');
			expect(slide(2)).toContain(words.key);
			expect(slide(2)).toContain(words.slide); // the first key figure's measure
			expect(slide(4)).toContain(words.slide);
			expect(strFromU8(slides['[Content_Types].xml']!)).toContain('presentationml.slide+xml');

			// The ZIP: every chart as PNG, SVG and CSV.
			const zip = await pack(page, 'zip');
			const files = unzipSync(readFileSync(zip.path));
			expect(Object.keys(files).sort()).toEqual(charts.flatMap((id) => [`${id}.csv`, `${id}.png`, `${id}.svg`]).sort());
			expect(strFromU8(files['unit_employment_rate.png']!.subarray(1, 4))).toBe('PNG');
			expect(strFromU8(files['unit_employment_rate.svg']!)).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
			expect(strFromU8(files['unit_employment_rate.csv']!).split('\n')[0]).toBe('quarter,unit,network,nation');
			writeFileSync(join(scratch, 'last.zip'), readFileSync(zip.path));
			// Each SVG keeps what the page shows (#21): every legend swatch in its series' colour, as drawn live, and no text past the image's edge.
			const svgs = Object.entries(files).filter(([name]) => name.endsWith('.svg')).map(([name, bytes]) => [name.replace(/\.svg$/, ''), strFromU8(bytes)] as const);
			const exported = await page.evaluate(
				(entries) =>
					entries.map(([id, text]) => {
						const live = [...document.querySelectorAll(`[data-chart="${id}"] .live [class$="-swatch"] > svg`)].map((swatch) => swatch.getAttribute('fill') ?? swatch.getAttribute('stroke'));
						const svg = document.importNode(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement, true) as unknown as SVGSVGElement;
						document.body.append(svg);
						const width = Number(svg.getAttribute('width'));
						const over = [...svg.querySelectorAll(':scope > text')].filter((t) => {
							const box = (t as SVGTextElement).getBBox();
							return box.x + box.width > width;
						});
						const result = { id, live, fills: [...svg.querySelectorAll('.legend-swatch')].map((r) => r.getAttribute('fill')), over: over.map((t) => t.textContent) };
						svg.remove();
						return result;
					}),
				svgs,
			);
			expect(exported.filter((e) => e.live.length).length).toBeGreaterThan(2);
			for (const { id, live, fills, over } of exported) {
				expect(fills, id).toEqual(live);
				expect(fills.every((fill) => fill !== '#888888'), id).toBe(true);
				expect(over, id).toEqual([]);
			}

			// The status in the language's own grammar (#21): "är klara", not "är klar"; no "The All charts (ZIP) is".
			expect(await page.locator('.pack-status').innerText()).toBe(words.zipDone);
			expect(consoleErrors).toEqual([]);
			await page.context().close();
		});
	}
});

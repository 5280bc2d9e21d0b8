/** The staffing and survival views in Chromium, against independent computations on the published Parquet. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { manifestSchema } from '$lib/contract';
import { formatNumber } from '$lib/format';
import { launchBrowser } from './browser.ts';
import { downloadCsv, marts, rows, sameNumber } from './csv.ts';
import { chartsSettled, openPage } from './site.ts';

let browser: Browser;
let db: DuckDBConnection;

/**
 * Kaplan–Meier in SQL, written for the test: at each distinct exit time the
 * subjects with entry < t <= exit are at risk; S multiplies (1 - d/n);
 * Greenwood sums d/(n(n - d)); the band is S^exp(±z·√G/|ln S|), z the 97.5 % normal quantile.
 */
const KM = (subjects: string) => `
	WITH s AS (${subjects}),
	times AS (SELECT stratum, exit AS t, count(*) FILTER (WHERE event) AS d, count(*) FILTER (WHERE NOT event) AS c FROM s GROUP BY ALL),
	steps AS (SELECT t.*, (SELECT count(*) FROM s WHERE s.stratum = t.stratum AND s.entry < t.t AND s.exit >= t.t) AS n FROM times t),
	km AS (SELECT *, exp(sum(ln(CASE WHEN d > 0 THEN (n - d) / n ELSE 1 END)) OVER w) AS survival,
		sum(CASE WHEN d > 0 THEN d / (n * (n - d)) ELSE 0 END) OVER w AS g
		FROM steps WINDOW w AS (PARTITION BY stratum ORDER BY t ROWS UNBOUNDED PRECEDING))
	SELECT stratum, t, n, d, c, survival,
		CASE WHEN g = 0 THEN 1 ELSE pow(survival, exp(1.959963984540054 * sqrt(g) / abs(ln(survival)))) END AS lower,
		CASE WHEN g = 0 THEN 1 ELSE pow(survival, exp(-1.959963984540054 * sqrt(g) / abs(ln(survival)))) END AS upper
	FROM km WHERE t > 0 ORDER BY stratum, t`;

/** The CSV rows of a stratum after the row at time 0, against the SQL's. */
function expectCurve(csv: string[][], truth: Record<string, unknown>[]) {
	expect(csv.map((r) => r.slice(1, 5).map(Number))).toEqual(truth.map((t) => [Number(t.t), t.n, t.d, t.c]));
	for (const [i, row] of csv.entries()) {
		for (const [c, key] of [[5, 'survival'], [6, 'lower'], [7, 'upper']] as const) expect(Math.abs(Number(row[c]) - Number(truth[i]![key])), `${row.join(',')} ${key}`).toBeLessThan(1e-9);
	}
}
beforeAll(async () => {
	browser = await launchBrowser();
	db = await marts(inject('dataDir'));
	await db.run(`CREATE TABLE specialist_spells AS SELECT * FROM read_parquet('${inject('dataDir')}/specialist_spells.parquet')`);
});
afterAll(async () => {
	await browser?.close();
});

describe('staffing', () => {
	it('draws every chart, with no console error and no foreign request', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, '/staffing');
		await chartsSettled(page);
		const states = await page.$$eval('[data-chart]', (charts) => charts.map((c) => [c.getAttribute('data-chart'), c.getAttribute('data-state')]));
		expect(states).toEqual(['turnover_by_year', 'specialist_tenure', 'turnover_by_org', 'turnover_by_team_size', 'vacancy_signal'].map((id) => [id, 'ready']));
		await page.waitForTimeout(1000);
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('downloads turnover_by_year (year,leavers,mean_headcount,turnover) equal to SQL over the years wholly in the data', async () => {
		const { page } = await openPage(browser, '/staffing');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'turnover_by_year');
		expect(csv.header).toBe('year,leavers,mean_headcount,turnover');
		// The fixture's reports run from January 2019 to July 2024; the default period ends with 2024 Q2: 2019 to 2023.
		const truth = await rows(db, `
			WITH weekly AS (SELECT week, sum(specialists) AS headcount FROM unit_week GROUP BY week),
			years AS (SELECT year(week) AS year, avg(headcount) AS mean_headcount FROM weekly GROUP BY year(week)
				HAVING min(week) <= make_date(year(week), 1, 7) AND max(week) >= make_date(year(week), 12, 25) AND year(week) <= 2023),
			leavers AS (SELECT year(last_week) AS year, count(*) AS leavers FROM specialist_spells WHERE ended GROUP BY 1)
			SELECT y.year, coalesce(l.leavers, 0) AS leavers, y.mean_headcount, coalesce(l.leavers, 0) / y.mean_headcount AS turnover
			FROM years y LEFT JOIN leavers l USING (year) ORDER BY y.year`);
		expect(csv.rows.map((r) => Number(r[0]))).toEqual(truth.map((t) => Number(t.year)));
		for (const [i, row] of csv.rows.entries()) {
			expect(Number(row[1])).toBe(truth[i]!.leavers);
			expect(sameNumber(row[2], truth[i]!.mean_headcount)).toBe(true);
			expect(sameNumber(row[3], truth[i]!.turnover)).toBe(true);
		}
		// The text alternative gives each rate with what it rests on (#21): "2019 31% (12 leavers / 38.5 mean headcount)".
		const summary = (await page.locator('[data-chart="turnover_by_year"] .plot').getAttribute('aria-label'))!;
		for (const t of truth) expect(summary).toContain(`(${formatNumber('en', Number(t.leavers))} leavers / ${formatNumber('en', t.mean_headcount as number, 1)} mean headcount)`);
		await page.context().close();
	});

	it('downloads the tenure curve equal to an independent Kaplan–Meier over the spells', async () => {
		const { page } = await openPage(browser, '/staffing');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'specialist_tenure');
		expect(csv.header).toBe('stratum,time_days,at_risk,events,censored,survival,lower,upper');
		const truth = await rows(db, KM(`SELECT 'all' AS stratum, 0 AS entry, least(last_week, DATE '2024-06-30') - first_week + 7 AS exit,
			ended AND last_week <= DATE '2024-06-30' AS event FROM specialist_spells WHERE first_week <= DATE '2024-06-30'`));
		expect(csv.rows[0]).toEqual(['all', '0', String(await rows(db, `SELECT count(*) AS n FROM specialist_spells WHERE first_week <= DATE '2024-06-30'`).then((r) => r[0]!.n)), '0', '0', '1', '1', '1']);
		expectCurve(csv.rows.slice(1), truth);
		expect(await page.locator('[data-stability]').innerText()).toMatch(/^Stability index: \d+\.\d% of the [\d,]+ specialists/);
		await page.context().close();
	});

	it('fetches the staffing aggregates\' cube cells alone without a unit, and with one only the part holding its rows, with its figures (#23)', async () => {
		const dataDir = inject('dataDir');
		const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')));
		const dataFetched = async (page: Page) =>
			(await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)))
				.map((url) => /\/data\/((staffing|stability)(\/[\w-]+)?\.arrow)$/.exec(url)?.[1])
				.filter((file) => file !== undefined)
				.sort();
		const cells = ['stability/cells.arrow', 'staffing/cells.arrow'];
		const { page, consoleErrors } = await openPage(browser, '/staffing?org=municipal&funding=project');
		await chartsSettled(page);
		expect(await dataFetched(page)).toEqual(cells);
		expect(consoleErrors).toEqual([]);
		await page.context().close();

		// A unit with leavers: its part of each mart, found here by reading the files.
		const [chosen] = await rows(db, `SELECT unit_id FROM specialist_spells WHERE ended GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`);
		const unitId = chosen!.unit_id as string;
		const holding = (['staffing', 'stability'] as const).map((mart) => {
			const facts = manifest.marts[mart]!;
			const parts = 'parts' in facts ? facts.parts : [];
			expect(parts.length, mart).toBeGreaterThan(0);
			const found = parts.filter((part) => (tableFromIPC(readFileSync(join(dataDir, part.file))).getChild('unit_id')!.toArray() as string[]).includes(unitId));
			expect(found, mart).toHaveLength(1);
			return found[0]!.file;
		});
		const unitPage = await openPage(browser, `/staffing?unit=${unitId}`);
		await chartsSettled(unitPage.page);
		expect(await dataFetched(unitPage.page)).toEqual([...cells, ...holding].sort());
		// Its leavers per year wholly in the data, from its own spells.
		const csv = await downloadCsv(unitPage.page, 'turnover_by_year');
		const truth = await rows(db, `
			WITH years AS (SELECT DISTINCT year(week) AS year FROM unit_week GROUP BY year(week)
				HAVING min(week) <= make_date(year(week), 1, 7) AND max(week) >= make_date(year(week), 12, 25) AND year(week) <= 2023)
			SELECT y.year, (SELECT count(*) FROM specialist_spells s WHERE s.unit_id = '${unitId}' AND s.ended AND year(s.last_week) = y.year) AS leavers
			FROM years y ORDER BY y.year`);
		// The unit's own rows (group all; its region's follow), in the years it had specialists: every leaver of those years, none left out.
		expect(csv.header).toBe('year,group,leavers,mean_headcount,turnover');
		const own = csv.rows.filter((r) => r[1] === 'all').map((r) => [Number(r[0]), Number(r[2])]);
		const leavers = new Map(truth.map((t) => [Number(t.year), Number(t.leavers)]));
		expect(own.length).toBeGreaterThan(0);
		expect(own).toEqual(own.map(([year]) => [year, leavers.get(year!)]));
		expect(own.reduce((sum, [, n]) => sum + n!, 0)).toBe([...leavers.values()].reduce((sum, n) => sum + n, 0));
		expect(own.some(([, n]) => n! > 0)).toBe(true);
		expect(unitPage.consoleErrors).toEqual([]);
		await unitPage.page.context().close();
	});

	it('changes the URL and every chart with a filter, and is in Swedish at /sv/staffing', async () => {
		const { page, consoleErrors } = await openPage(browser, '/staffing');
		await chartsSettled(page);
		const drawings = () => page.$$eval('[data-chart] .live', (nodes) => nodes.map((n) => n.innerHTML));
		const before = await drawings();
		await page.selectOption('#filter-region', '14');
		await page.waitForURL(/\/staffing\?region=14$/);
		await chartsSettled(page);
		for (const [i, drawing] of (await drawings()).entries()) expect(drawing, `chart ${i}`).not.toBe(before[i]);
		expect(consoleErrors).toEqual([]);
		await page.goto(`${page.url().replace('/staffing', '/sv/staffing')}`);
		await chartsSettled(page);
		expect(await page.locator('h1').innerText()).toBe('Bemanning');
		expect(await page.locator('[data-chart="specialist_tenure"] h3').innerText()).toBe('Hur länge specialisterna stannar');
		await page.context().close();
	});
});

describe('survival', () => {
	/** Units as the view follows them: entry on the data's first day, censored the day after the data end; one closed before the data begin left out. */
	const UNITS = (by: string) => `
		WITH b AS (SELECT min(week) AS first_day, max(week) + 7 AS end_day FROM unit_week),
		u AS (SELECT ${by} AS stratum, greatest(0, b.first_day - u.opened_on) AS entry,
			coalesce(least(u.closed_on, b.end_day), b.end_day) - u.opened_on AS exit, u.closed_on IS NOT NULL AND u.closed_on <= b.end_day AS event
			FROM units u, b)
		SELECT * FROM u WHERE exit > entry`;

	it('draws the curve, and its CSV equals an independent Kaplan–Meier with late entry', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, '/survival');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'unit_survival');
		expect(csv.header).toBe('stratum,time_days,at_risk,events,censored,survival,lower,upper');
		expect(csv.rows[0]!.slice(0, 2)).toEqual(['all', '0']);
		expectCurve(csv.rows.slice(1), await rows(db, KM(UNITS(`'all'`))));
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('changes the curves, the URL and the log-rank test when strata are chosen', async () => {
		const { page } = await openPage(browser, '/survival');
		await chartsSettled(page);
		const whole = await page.locator('[data-chart="unit_survival"] .live').innerHTML();
		await page.selectOption('#by', 'funding');
		await page.waitForURL(/\/survival\?by=funding$/);
		await chartsSettled(page);
		expect(await page.locator('[data-chart="unit_survival"] .live').innerHTML()).not.toBe(whole);
		const csv = await downloadCsv(page, 'unit_survival');
		const truth = await rows(db, KM(UNITS('u.funding_initial')));
		for (const stratum of ['permanent', 'project', 'mixed']) {
			expectCurve(csv.rows.filter((r) => r[0] === stratum && r[1] !== '0'), truth.filter((t) => t.stratum === stratum));
		}
		const test = page.locator('[data-chi2]');
		expect(Number(await test.getAttribute('data-df'))).toBe(2);
		expect(Number(await test.getAttribute('data-chi2'))).toBeGreaterThan(0);
		await page.selectOption('#by', 'org');
		await page.waitForURL(/\?by=org$/);
		await chartsSettled(page);
		expect(await page.locator('[data-chart="unit_survival"] .live').textContent()).toContain('Joint body');
		await page.context().close();
	});

	it('is in Swedish at /sv/survival', async () => {
		const { page } = await openPage(browser, '/sv/survival?by=funding');
		await chartsSettled(page);
		expect(await page.locator('h1').innerText()).toBe('Enheternas överlevnad');
		// One relation before p, and the Swedish decimal comma: "p < 0,001" below a thousandth (as at ten times the units), else "p = 0,123".
		const p = Number(await page.locator('[data-chi2]').getAttribute('data-p'));
		expect(await page.locator('[data-chi2]').innerText()).toMatch(
			p < 0.001 ? /^Log-rank-test: χ² = [\d\s]+,\d\d med 2 frihetsgrader, p < 0,001\.$/ : /^Log-rank-test: χ² = [\d\s]+,\d\d med 2 frihetsgrader, p = [01],\d{3}\.$/,
		);
		expect(await page.locator('[data-chart="closed_within_3_years"] tbody th').allInnerTexts()).toEqual(['Permanent', 'Projekt', 'Blandad']);
		await page.context().close();
	});
});

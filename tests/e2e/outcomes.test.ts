/** The outcomes view in Chromium, its figures against SQL written here on the published Parquet. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { downloadCsv, marts, rows, sameNumber } from './csv.ts';
import { chartsSettled, openPage } from './site.ts';

let browser: Browser;
let db: DuckDBConnection;
beforeAll(async () => {
	browser = await launchBrowser();
	db = await marts(inject('dataDir'));
});
afterAll(async () => {
	await browser?.close();
});

/** Participant-week sums per quarter of the period (2019 Q1 – 2024 Q2), per group of units, every group listed. */
const EMPLOYMENT = (group: string, groups: string) => `
	WITH quarters AS (SELECT unnest(generate_series(DATE '2019-01-01', DATE '2024-04-01', INTERVAL 3 MONTH))::DATE AS quarter),
	sums AS (
		SELECT date_trunc('quarter', w.week)::DATE AS quarter, ${group} AS grp, sum(w.employed) AS employed, sum(w.caseload) AS caseload
		FROM unit_week w JOIN units u USING (unit_id) GROUP BY ALL
	)
	SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter, g.grp, s.employed, s.caseload, s.employed / s.caseload AS rate
	FROM quarters q CROSS JOIN (${groups}) g LEFT JOIN sums s ON s.quarter = q.quarter AND s.grp = g.grp
	ORDER BY quarter, g.grp`;

async function expectEmploymentCsv(csv: Awaited<ReturnType<typeof downloadCsv>>, sql: string) {
	expect(csv.header).toBe('quarter,group,employed,caseload,rate');
	const truth = await rows(db, sql);
	expect(csv.rows.map((r) => [r[0], r[1]])).toEqual(truth.map((t) => [t.quarter, t.grp]));
	for (const [i, row] of csv.rows.entries()) {
		for (const [c, key] of [[2, 'employed'], [3, 'caseload'], [4, 'rate']] as const) expect(sameNumber(row[c], truth[i]![key]), `${row.join(',')} ${key}`).toBe(true);
	}
}

describe('outcomes', () => {
	it('draws every chart on the demo data, with no console error and no foreign request', async () => {
		const { page, consoleErrors, foreignRequests } = await openPage(browser, '/outcomes');
		await chartsSettled(page);
		const states = await page.$$eval('[data-chart]', (charts) => charts.map((c) => [c.getAttribute('data-chart'), c.getAttribute('data-state')]));
		expect(states).toEqual(
			['outcomes_employment', 'outcomes_job_starts', 'outcomes_education_starts', 'outcomes_education', 'outcomes_young', 'fidelity_outcomes'].map((id) => [id, 'ready']),
		);
		// The benchmark levels are drawn and named.
		expect(await page.locator('[data-chart="outcomes_employment"] svg').last().textContent()).toMatch(/minimal 31%.*average 41%.*excellent 50%/s);
		await page.waitForTimeout(1000);
		expect(consoleErrors).toEqual([]);
		expect(foreignRequests).toEqual([]);
		await page.context().close();
	});

	it('downloads outcomes_employment with the contract’s columns, for the selection and for each split', async () => {
		const { page } = await openPage(browser, '/outcomes');
		await chartsSettled(page);
		await expectEmploymentCsv(await downloadCsv(page, 'outcomes_employment'), EMPLOYMENT(`'all'`, `SELECT 'all' AS grp`));

		await page.selectOption('#split', 'region');
		await page.waitForURL(/\/outcomes\?split=region$/);
		await chartsSettled(page);
		await expectEmploymentCsv(await downloadCsv(page, 'outcomes_employment'), EMPLOYMENT('u.region_code', 'SELECT DISTINCT region_code AS grp FROM areas'));

		await page.selectOption('#split', 'org');
		await page.waitForURL(/\/outcomes\?split=org$/);
		await chartsSettled(page);
		await expectEmploymentCsv(await downloadCsv(page, 'outcomes_employment'), EMPLOYMENT('u.org_type', `SELECT unnest(['joint', 'municipal', 'region']) AS grp`));
		await page.context().close();
	});

	it('changes the URL and every chart with a split or a filter, and back works', async () => {
		const { page, consoleErrors } = await openPage(browser, '/outcomes');
		await chartsSettled(page);
		const drawings = () => page.$$eval('[data-chart] .live', (nodes) => nodes.map((n) => n.innerHTML));
		const whole = await drawings();
		await page.selectOption('#split', 'org');
		await page.waitForURL(/\?split=org$/);
		await chartsSettled(page);
		const split = await drawings();
		// The five measures split; the fidelity scatter is per review whatever the split.
		for (let i = 0; i < 5; i++) expect(split[i], `chart ${i}`).not.toBe(whole[i]);
		await page.selectOption('#filter-region', '14');
		await page.waitForURL(/\?region=14&split=org$/);
		await chartsSettled(page);
		const filtered = await drawings();
		for (const [i, drawing] of filtered.entries()) expect(drawing, `chart ${i}`).not.toBe(split[i]);
		await page.goBack();
		await page.waitForURL(/\?split=org$/);
		await chartsSettled(page);
		expect(await page.locator('#split').inputValue()).toBe('org');
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});

	it('pairs each fidelity review with the employment rate of the four quarters after it, with r', async () => {
		const { page } = await openPage(browser, '/outcomes');
		await chartsSettled(page);
		const csv = await downloadCsv(page, 'fidelity_outcomes');
		expect(csv.header).toBe('unit_id,unit_name,reviewed_on,score,level,employed,caseload,rate');
		const truth = await rows(db, `
			SELECT f.unit_id, strftime(f.reviewed_on, '%Y-%m-%d') AS reviewed_on, sum(w.employed) / sum(w.caseload) AS rate
			FROM fidelity f JOIN unit_week w ON w.unit_id = f.unit_id
				AND date_trunc('quarter', w.week) > date_trunc('quarter', f.reviewed_on)
				AND date_trunc('quarter', w.week) <= date_trunc('quarter', f.reviewed_on) + INTERVAL 12 MONTH
			WHERE f.reviewed_on >= DATE '2019-01-01' AND date_trunc('quarter', f.reviewed_on) + INTERVAL 12 MONTH <= DATE '2024-04-01'
			GROUP BY ALL HAVING sum(w.caseload) > 0 ORDER BY f.unit_id, reviewed_on`);
		expect(csv.rows.map((r) => [r[0], r[2]])).toEqual(truth.map((t) => [t.unit_id, t.reviewed_on]));
		for (const [i, row] of csv.rows.entries()) expect(sameNumber(row[7], truth[i]!.rate)).toBe(true);
		const [correlation] = (await rows(db, `SELECT corr(score, rate) AS r FROM (
			SELECT f.score::DOUBLE AS score, sum(w.employed) / sum(w.caseload) AS rate FROM fidelity f JOIN unit_week w ON w.unit_id = f.unit_id
				AND date_trunc('quarter', w.week) > date_trunc('quarter', f.reviewed_on)
				AND date_trunc('quarter', w.week) <= date_trunc('quarter', f.reviewed_on) + INTERVAL 12 MONTH
			WHERE f.reviewed_on >= DATE '2019-01-01' AND date_trunc('quarter', f.reviewed_on) + INTERVAL 12 MONTH <= DATE '2024-04-01'
			GROUP BY f.unit_id, f.reviewed_on, f.score HAVING sum(w.caseload) > 0)`)) as { r: number }[];
		expect(Number(await page.locator('[data-fit]').getAttribute('data-fit'))).toBeCloseTo(correlation!.r, 9);
		await page.context().close();
	});

	it('offers every chart’s table by keyboard', async () => {
		const { page } = await openPage(browser, '/outcomes');
		await chartsSettled(page);
		await page.focus('#split');
		// Tab to the first chart's table alternative and open it.
		for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.tagName)) !== 'SUMMARY'; i++) await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.closest('[data-chart]')?.getAttribute('data-chart'))).toBe('outcomes_employment');
		await page.keyboard.press('Enter');
		const table = page.locator('[data-chart="outcomes_employment"] table');
		await table.waitFor();
		expect(await table.locator('thead th').allInnerTexts()).toEqual(['Quarter', 'Group', 'participant-weeks in work', 'participant-weeks', 'In competitive employment (% of caseload)']);
		expect(await table.locator('tbody tr').count()).toBe(22);
		await page.context().close();
	});

	it('is in Swedish at /sv/outcomes', async () => {
		const { page } = await openPage(browser, '/sv/outcomes?split=org');
		await chartsSettled(page);
		expect(await page.locator('h1').innerText()).toBe('Resultat');
		expect(await page.locator('[data-chart="fidelity_outcomes"] h3').innerText()).toBe('Metodtrohet och arbete');
		expect(await page.locator('[data-chart="outcomes_employment"] .live').textContent()).toContain('Kommunal socialtjänst');
		await page.context().close();
	});
});

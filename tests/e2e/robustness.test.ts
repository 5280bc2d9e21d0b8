/** Accessibility (axe-core, keyboard) and hostile links. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { chartsSettled, figureText, openPage } from './site.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('accessibility', () => {
	it.each(['/', '/sv', '/methods', '/?region=01', '/coverage', '/sv/coverage', '/coverage?region=01', '/waitlists', '/sv/waitlists', '/outcomes', '/outcomes?split=region', '/sv/outcomes?split=org', '/staffing', '/sv/staffing', '/survival?by=funding', '/sv/survival', '/sites', '/sv/sites?od=off', '/units/U0001', '/sv/units/U0002'])('%s has no serious or critical axe violation', async (path) => {
		// axe is injected by the test; the site's own CSP would refuse it.
		const { page } = await openPage(browser, path, { bypassCSP: true });
		if (path !== '/methods') await chartsSettled(page);
		await page.evaluate(AXE);
		const violations = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
			const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
			return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
		});
		expect(violations).toEqual([]);
		await page.context().close();
	});

	it('reflows to a 320-pixel-wide screen without scrolling sideways (WCAG 1.4.10), every view', async () => {
		for (const path of ['/', '/coverage', '/waitlists', '/outcomes', '/staffing', '/survival', '/sites', '/units/U0001', '/methods']) {
			const { page } = await openPage(browser, path, { viewport: { width: 320, height: 800 } });
			if (path !== '/methods') await chartsSettled(page);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
			await page.context().close();
		}
	});

	it('works from the keyboard: skip link, filters, table alternative, downloads', async () => {
		const { page } = await openPage(browser, '/');
		await chartsSettled(page);
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
		await page.keyboard.press('Enter');
		await page.focus('#filter-region');
		await page.keyboard.press('ArrowDown'); // the first region
		await page.waitForURL(/\?region=01$/);
		await chartsSettled(page);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-region');
		const summary = page.locator('[data-chart="units_open"] summary');
		await summary.focus();
		await page.keyboard.press('Enter');
		expect(await page.locator('[data-chart="units_open"] details').getAttribute('open')).not.toBeNull();
		await page.locator('[data-chart="units_open"] table tbody tr').first().waitFor(); // built when opened
		expect(await page.locator('[data-chart="units_open"] table tbody tr').count()).toBeGreaterThan(4);
		await page.context().close();
	});

	it('gives every chart a text alternative that states its figures', async () => {
		const { page } = await openPage(browser, '/');
		await chartsSettled(page);
		const labels = await page.locator('[data-chart] .plot[role="img"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
		expect(labels).toHaveLength(7);
		for (const label of labels) expect(label).toMatch(/^.+, 20\d\d Q\d to 2024 Q2: from .+ to .+\.$/);
	});
});

describe('hostile links', () => {
	const HOSTILE = ["' OR 1=1 --", '"; DROP TABLE units; --', '<script>alert(1)</script>', '2024-Q9', 'x'.repeat(5000), '%00'];

	it.each(['from', 'to', 'region', 'org', 'funding', 'unit'])('%s: nothing changes but the notice', async (key) => {
		const { page: reference } = await openPage(browser, '/');
		await chartsSettled(reference);
		const expected = await figureText(reference, 'units_open');
		await reference.context().close();
		for (const value of HOSTILE) {
			const { page, consoleErrors } = await openPage(browser, `/?${key}=${encodeURIComponent(value)}&${encodeURIComponent("x') OR ('1")}=1`);
			await chartsSettled(page);
			expect(await page.locator('[data-notice="invalid-filters"]').innerText()).toContain(key);
			expect(await figureText(page, 'units_open')).toBe(expected);
			expect(await page.locator('script:not([src]):not([type])').evaluateAll((s) => s.some((n) => n.textContent?.includes('alert(1)')))).toBe(false);
			expect(consoleErrors, `${key}=${value.slice(0, 40)}`).toEqual([]);
			await page.context().close();
		}
	});
});

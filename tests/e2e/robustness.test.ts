/** Accessibility (axe-core, keyboard) and hostile links. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { axeViolations, baseUrl, chartsSettled, englishIn, englishOnlyWords, EVERY_ROUTE, figureText, isTextPage, openPage, visibleSwedishText } from './site.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('accessibility', () => {
	// Every route of the registry in both languages, and the states a reader reaches with filters and on unit pages.
	it.each([...EVERY_ROUTE, '/?region=01', '/coverage?region=01', '/outcomes?split=region', '/sv/outcomes?split=org', '/survival?by=funding', '/sv/sites?od=off', '/units/U0001', '/sv/units/U0002'])(
		'%s has no axe violation of any impact',
		async (path) => {
			const { page } = await openPage(browser, path, { bypassCSP: true });
			if (!isTextPage(path)) await chartsSettled(page);
			expect(await axeViolations(page)).toEqual([]);
			await page.context().close();
		},
	);

	it('draws every chart for a 375-pixel phone: no chart text under 11 px, tables that scroll inside themselves, filters folded away (#21)', async () => {
		for (const path of [...EVERY_ROUTE.filter((p) => !p.startsWith('/sv') && !isTextPage(p)), '/units/U0001']) {
			const { page } = await openPage(browser, path, { viewport: { width: 375, height: 800 } });
			await chartsSettled(page);
			const phone = await page.evaluate(() => {
				// Each drawn text's size as read: its font size times the drawing's scale on the screen.
				let smallest = Infinity;
				let where = '';
				for (const svg of document.querySelectorAll('[data-chart] .live svg')) {
					if (svg.closest('[class$="-swatch"]')) continue;
					const drawn = Number(svg.getAttribute('width'));
					const shown = svg.getBoundingClientRect().width;
					if (!drawn || !shown) continue;
					for (const text of svg.querySelectorAll('text')) {
						if (!text.getBoundingClientRect().width) continue;
						const size = (parseFloat(getComputedStyle(text).fontSize) * shown) / drawn;
						if (size < smallest) [smallest, where] = [size, svg.closest('[data-chart]')!.getAttribute('data-chart')!];
					}
				}
				// A table wider than its box must be in a box that scrolls sideways; none may be cut off.
				const clipped = [...document.querySelectorAll('table')]
					.filter((table) => (table as HTMLElement).offsetParent !== null)
					.filter((table) => {
						let box = table.parentElement!;
						while (box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement!;
						const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
						return table.getBoundingClientRect().width > box.clientWidth + 1 && !scrolls;
					})
					.map((table) => table.closest('[data-chart], section')?.getAttribute('data-chart') ?? 'table');
				const firstChart = document.querySelector('[data-chart], [data-metric]')?.getBoundingClientRect().top ?? 0;
				return { smallest, where, clipped, firstChart: firstChart + window.scrollY };
			});
			expect(phone.smallest, `${path}: ${phone.where}`).toBeGreaterThanOrEqual(11);
			expect(phone.clipped, path).toEqual([]);
			if (path !== '/units/U0001') {
				// The filters fold behind their button: the first chart starts on the first screen.
				expect(await page.locator('#filters').isVisible(), path).toBe(false);
				expect(phone.firstChart, path).toBeLessThan(800);
			}
			await page.context().close();
		}
	}, 180_000);

	it.each([...EVERY_ROUTE.filter((p) => p.startsWith('/sv')), '/sv/units/U0002', '/sv/outcomes?split=org'])('%s has no English word left in what a reader sees (#21)', async (path) => {
		const { page } = await openPage(browser, path);
		if (!isTextPage(path)) await chartsSettled(page);
		expect(englishIn(await visibleSwedishText(page), englishOnlyWords())).toEqual([]);
		await page.context().close();
	});

	it('reflows to a 320-pixel-wide screen without scrolling sideways (WCAG 1.4.10), every view', async () => {
		for (const path of ['/', '/coverage', '/waitlists', '/outcomes', '/staffing', '/survival', '/sites', '/units/U0001', '/methods', '/check']) {
			const { page } = await openPage(browser, path, { viewport: { width: 320, height: 800 } });
			if (!isTextPage(path)) await chartsSettled(page);
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
			await page.context().close();
		}
	});

	it('works from the keyboard: skip link, filters, table alternative, downloads', async () => {
		const { page } = await openPage(browser, '/');
		// A fresh page, scrolled by nothing: Chromium 150 starts the Tab order at a
		// chart that chartsSettled scrolled into view, where a reader's starts at the top.
		await page.waitForFunction(() => document.documentElement.dataset.running === 'true');
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

describe('a page captured whole', () => {
	// A full-page screenshot or a saved page of a fresh page, nothing scrolled: the charts below the screen show their
	// prerendered drawing until drawn again, never a blank frame (#22).
	it.each([...EVERY_ROUTE.filter((p) => !p.startsWith('/sv') && !isTextPage(p)), '/units/U0001', '/sv/units/U0002'])('%s shows every chart', async (path) => {
		const { page, consoleErrors } = await openPage(browser, path, { viewport: { width: 1280, height: 400 } });
		// The page running, its engine loaded: what a reader who waits a moment before capturing gets.
		await page.waitForSelector('html[data-running="true"]');
		await page.waitForLoadState('networkidle');
		const charts = await page.locator('[data-chart][data-state="ready"]').evaluateAll((all) =>
			all.map((chart) => {
				const live = chart.querySelector('.live');
				// The drawing's box: a key figure's frame has none.
				const box = (live ?? chart).getBoundingClientRect();
				return {
					id: chart.getAttribute('data-chart'),
					below: box.top > window.innerHeight,
					shown: !!live && getComputedStyle(live).visibility === 'visible' && !!live.querySelector('svg, table, .key-figure, dl, p'),
				};
			}),
		);
		expect(charts.filter((c) => c.below).length, 'charts below the screen').toBeGreaterThan(0);
		expect(charts.filter((c) => !c.shown).map((c) => c.id)).toEqual([]);
		// As captured: each drawing below the screen, cut from a capture of the whole page, holds more than its empty frame
		// (the same box with the drawing hidden), which compresses to almost nothing in a PNG. Left unpainted until
		// scrolled to (content-visibility: auto), they were the same.
		const boxes = await page.locator('[data-chart][data-state="ready"] .live').evaluateAll((all) =>
			all.map((live) => {
				const box = live.getBoundingClientRect();
				return { id: live.closest('[data-chart]')!.getAttribute('data-chart')!, below: box.top > window.innerHeight, clip: { x: box.left, y: box.top + window.scrollY, width: box.width, height: box.height } };
			}),
		);
		const blank: string[] = [];
		for (const { id, clip } of boxes.filter((b) => b.below && b.clip.width > 0 && b.clip.height > 0)) {
			const drawn = (await page.screenshot({ fullPage: true, clip })).length;
			const live = page.locator(`[data-chart="${id}"] .live`);
			await live.evaluate((el) => ((el as HTMLElement).style.visibility = 'hidden'));
			const empty = (await page.screenshot({ fullPage: true, clip })).length;
			await live.evaluate((el) => ((el as HTMLElement).style.visibility = ''));
			if (drawn < 1.5 * empty) blank.push(`${id} (${drawn} bytes, empty ${empty})`);
		}
		expect(blank, 'blank in a capture of the whole page').toEqual([]);
		expect(consoleErrors).toEqual([]);
		await page.context().close();
	});
});

describe('before the page is live', () => {
	/** A page drawn, its scripts held back until the reader has acted on it; `release` lets them run. */
	async function drawnNotLive(path: string, viewport: { width: number; height: number }) {
		const context = await browser.newContext({ viewport });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/_app\/immutable\/entry\//, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${baseUrl()}${path}`, { waitUntil: 'domcontentloaded' });
		await page.locator('[data-chart] svg').first().waitFor();
		expect(await page.evaluate(() => document.documentElement.dataset.running)).toBeUndefined();
		return { page, errors, release };
	}

	it('takes a filter chosen before its scripts have run: the URL and the figures follow (#23)', async () => {
		const { page: direct } = await openPage(browser, '/?region=01');
		await chartsSettled(direct);
		const regional = await figureText(direct, 'units_open');
		await direct.context().close();

		const { page, errors, release } = await drawnNotLive('/', { width: 1280, height: 1000 });
		const unfiltered = await figureText(page, 'units_open');
		await page.selectOption('#filter-region', '01');
		release();
		await page.waitForURL(/\?region=01$/);
		await chartsSettled(page);
		expect(regional).not.toBe(unfiltered);
		expect(await figureText(page, 'units_open')).toBe(regional);
		expect(await page.locator('#filter-region').inputValue()).toBe('01');
		expect(errors).toEqual([]);
		await page.context().close();
	});

	it("takes a button pressed before its scripts have run: the phone's filters open (#23)", async () => {
		const { page, errors, release } = await drawnNotLive('/', { width: 375, height: 800 });
		await page.click('button.filters-toggle');
		expect(await page.locator('#filters').isVisible()).toBe(false);
		release();
		await page.locator('#filters').waitFor({ state: 'visible' });
		expect(await page.locator('button.filters-toggle').getAttribute('aria-expanded')).toBe('true');
		expect(errors).toEqual([]);
		await page.context().close();
	});
});

describe('hostile links', () => {
	const HOSTILE = ["' OR 1=1 --", '"; DROP TABLE units; --', '<script>alert(1)</script>', '2024-Q9', 'x'.repeat(5000), '%00'];

	/** The overview's figure without any filter, read once. */
	let expected: Promise<string> | undefined;
	const unfiltered = () =>
		(expected ??= openPage(browser, '/').then(async ({ page }) => {
			await chartsSettled(page);
			const text = await figureText(page, 'units_open');
			await page.context().close();
			return text;
		}));

	it.each(['from', 'to', 'region', 'org', 'funding', 'unit'])('%s: nothing changes but the notice', async (key) => {
		const expected = await unfiltered();
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

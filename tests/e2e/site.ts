/** Shared helpers for the browser tests: a page that records console errors and foreign requests. */
import { inject } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const baseUrl = () => inject('baseUrl');

export interface WatchedPage {
	page: Page;
	consoleErrors: string[];
	foreignRequests: string[];
}

/** Opens a page of the Swedish fixture site (or of the site at `base`), recording console errors and requests to other origins. */
export async function openPage(browser: Browser, path: string, options: BrowserContextOptions = {}, base = baseUrl()): Promise<WatchedPage> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true, ...options });
	const page = await context.newPage();
	const consoleErrors: string[] = [];
	const foreignRequests: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
	});
	await page.goto(`${base}${path}`);
	return { page, consoleErrors, foreignRequests };
}

/**
 * Waits until every chart on the page is drawn (or empty), and no new figures
 * are on their way. A link with filters first shows the prerendered default
 * (hidden by html.has-query until the page is running), so that class must be gone too.
 * A chart further down the page is drawn when it comes into view, as a reader
 * scrolls: each one still to draw is scrolled to, so that every drawing is current.
 */
export async function chartsSettled(page: Page, timeout = 30_000) {
	await figuresShown(page, timeout);
	for (;;) {
		const stale = await page.evaluate(() => {
			const chart = document.querySelector('[data-chart][data-drawn="stale"]');
			// The drawing's box: a key figure's frame has none.
			(chart?.querySelector('.live') ?? chart)?.scrollIntoView({ block: 'center' });
			return chart?.getAttribute('data-chart') ?? null;
		});
		if (stale === null) return;
		await page.waitForSelector(`[data-chart="${stale}"][data-drawn="current"]`, { timeout });
	}
}

async function figuresShown(page: Page, timeout: number) {
	await page.waitForFunction(
		() => {
			const charts = [...document.querySelectorAll('[data-chart]')];
			return (
				charts.length > 0 &&
				!document.documentElement.classList.contains('has-query') &&
				!document.querySelector('[aria-busy="true"]') &&
				charts.every((c) => ['ready', 'empty'].includes(c.getAttribute('data-state') ?? ''))
			);
		},
		undefined,
		{ timeout },
	);
}

export const figureText = (page: Page, metric: string) => page.locator(`[data-metric="${metric}"] .value .number`).innerText();

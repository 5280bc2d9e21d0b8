/** Shared helpers for the browser tests: a page that records console errors and foreign requests, and axe. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { PRERENDER_ENTRIES, ROUTES } from '../../src/lib/views/routes.js';
import { messages } from '../../src/lib/i18n/index.ts';
import { ALL_METRICS } from '../../src/lib/metrics/index.ts';
import { METHOD_NOTES } from '../../src/lib/metrics/methods.ts';

/** Every page of the registry, in English and Swedish (/, /sv, /coverage, /sv/coverage, …). */
export const EVERY_ROUTE: readonly string[] = PRERENDER_ENTRIES;

/** A page of text without a view's charts (Methods, the check), in either language: from the route registry. */
export const isTextPage = (path: string) => ROUTES.some((route) => route.text && (path === route.path || path === `/sv${route.path}`));

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A and AA rules and its best practices (region, heading-order…) on the page as it is,
 * every violation of any impact as "rule (nodes)". The page must be opened with bypassCSP: the site's own CSP refuses the injected script.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	await page.evaluate(AXE);
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
		return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
	});
}

export const baseUrl = () => inject('baseUrl');

export interface WatchedPage {
	page: Page;
	consoleErrors: string[];
	foreignRequests: string[];
}

/** How a page is opened: the browser context's options, and what to set on the context before the page is visited (routes). */
export interface OpenOptions extends BrowserContextOptions {
	prepare?: (context: BrowserContext) => Promise<unknown>;
}

/** Opens a page of the Swedish fixture site (or of the site at `base`), recording console errors and requests to other origins. */
export async function openPage(browser: Browser, path: string, { prepare, ...options }: OpenOptions = {}, base = baseUrl()): Promise<WatchedPage> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true, ...options });
	await prepare?.(context);
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
			const chart = document.querySelector('[data-chart]:is([data-drawn="stale"], [data-drawn="pending"])');
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
				document.documentElement.dataset.running === 'true' &&
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

/**
 * Words of four letters or more that the English labels use and the Swedish
 * ones never do ("municipality", "ready", "joint"): one of them on a Swedish
 * page is an English word left behind. From the label table and the metric
 * registry, the one place both languages come from.
 */
export function englishOnlyWords(): Set<string> {
	const words = (text: string) => text.replace(/\{[a-z_]+\}/g, ' ').toLowerCase().match(/\p{L}{4,}/gu) ?? [];
	// The language switch is the one label written in the other language ("På svenska" on an English page).
	const { switch_language: _, ...labels } = messages as Record<string, { en: string; sv: string }>;
	const texts = [
		...Object.values(labels),
		...ALL_METRICS.flatMap((m) => [m.label, m.definition, m.unit, ...(m.numerator ? [m.numerator] : []), ...(m.denominator ? [m.denominator] : [])]),
		...METHOD_NOTES.flatMap((note) => [note.label, note.definition, note.method]),
	];
	const swedish = new Set(texts.flatMap((text) => words(text.sv)));
	return new Set(texts.flatMap((text) => words(text.en)).filter((word) => !swedish.has(word)));
}

/** The text a reader sees on the page in Swedish: visible text outside elements marked as another language (the "In English" link). */
export async function visibleSwedishText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const parts: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const element = node.parentElement;
			if (!element || element.closest('script, style, code, pre, [aria-hidden="true"] title')) continue;
			if ((element.closest('[lang]')?.getAttribute('lang') ?? 'sv') !== 'sv') continue;
			if (!element.checkVisibility?.() && element.closest('svg') === null) continue;
			parts.push(node.textContent ?? '');
		}
		return parts.join(' ');
	});
}

/** The English-only words in a text, each once. */
export const englishIn = (text: string, english: ReadonlySet<string>) => [...new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((word) => english.has(word)))];

/**
 * The route registry (src/lib/views/routes.js) against what it names: every
 * route has its page, every view route its view and prerendered data, and
 * nothing exists that the registry does not list (#22). The navigation, the
 * prerendered entries, the Methods page, the e2e route lists and the
 * benchmark are all read from the registry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_METRICS } from '$lib/metrics';
import { VIEW_DEFINITIONS } from '$lib/views/definitions';
import { PRERENDER_ENTRIES, ROUTES } from '$lib/views/routes.js';

const PAGES = 'src/routes/[[lang=lang]]';
const folderOf = (path: string) => join(PAGES, path === '/' ? '' : path.slice(1));

describe('the route registry', () => {
	it('gives every route a page, and every route but a page of text a view of the same id with its prerendered data', () => {
		for (const route of ROUTES) {
			expect(existsSync(join(folderOf(route.path), '+page.svelte')), route.id).toBe(true);
			if (route.text) {
				expect(VIEW_DEFINITIONS[route.id], route.id).toBeUndefined();
				continue;
			}
			expect(VIEW_DEFINITIONS[route.id]?.id, route.id).toBe(route.id);
			const server = readFileSync(join(folderOf(route.path), '+page.server.ts'), 'utf8');
			expect(server, route.id).toMatch(new RegExp(`prerenderView\\(${route.id}\\)`));
		}
	});

	it('lists every view and every page folder: none exists without a route', () => {
		expect(Object.keys(VIEW_DEFINITIONS).sort()).toEqual(ROUTES.filter((r) => !r.text).map((r) => r.id).sort());
		// Unit pages are reached from the views, not the navigation.
		const folders = readdirSync(PAGES, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'units').map((d) => `/${d.name}`);
		expect(folders.sort()).toEqual(ROUTES.filter((r) => r.path !== '/').map((r) => r.path).sort());
	});

	it('names only measures of the metric registry, and prerenders every route in both languages', () => {
		const ids = new Set(ALL_METRICS.map((m) => m.id));
		for (const route of ROUTES) for (const measure of route.measures) expect(ids.has(measure), `${route.id}: ${measure}`).toBe(true);
		expect(PRERENDER_ENTRIES).toHaveLength(ROUTES.length * 2);
		for (const route of ROUTES) expect(PRERENDER_ENTRIES).toContain(route.path === '/' ? '/sv' : `/sv${route.path}`);
	});

	it('keeps the dependencies one way: measures and statistics never import a view', () => {
		for (const dir of ['src/lib/metrics', 'src/lib/stats']) {
			for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
				expect(readFileSync(join(dir, file), 'utf8'), `${dir}/${file}`).not.toMatch(/from '(\$lib\/views|\.\.\/views)/);
			}
		}
	});
});

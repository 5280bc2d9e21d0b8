/**
 * Builds the site three times for the browser tests and serves each on a free
 * port on 127.0.0.1: Sweden from a simulated fixture (with municipal
 * boundaries), the same fixture published with the public profile (small
 * counts withheld), and a small invented country without boundaries
 * (tile-grid maps).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/server/static-server.ts';
import { buildSite } from '../support/build-site.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
		tileCountryUrl: string;
		tileCountryDataDir: string;
		publicUrl: string;
		publicDataDir: string;
	}
}

/**
 * Sweden, 2019-01 to 2024-07, seed 11: its latest full quarter is 2024 Q2.
 * E2E_UNITS_SCALE=10 (or 100) runs every test on ten (a hundred) times the
 * units (a national rollout): the tests compare with SQL of their own, so
 * they hold at any scale.
 */
const UNITS_SCALE = Number(process.env.E2E_UNITS_SCALE ?? 1);
/**
 * The units' rows in parts of at most 64 rows on the demo's units (a few
 * units a part), so that the pages fetch parts as a large network's
 * do; at ten or a hundred times the units, the pipeline's own PART_ROWS.
 */
export const FIXTURE = { seed: 11, from: '2019-01', to: '2024-07', scale: 1, unitsScale: UNITS_SCALE, ...(UNITS_SCALE === 1 ? { partRows: 64 } : {}) } as const;
/** The public build's threshold: counts of people under it are withheld. */
export const PUBLIC_MIN_CELL = 5;
/** tests/fixtures/tile-country: 24 municipalities, no boundaries. */
export const TILE_COUNTRY = { seed: 3, from: '2021-01', to: '2024-07', scale: 1, referenceDir: 'tests/fixtures/tile-country' } as const;

export default async function setup(project: TestProject) {
	const root = mkdtempSync(join(tmpdir(), 'ips-e2e-'));
	const servers: Server[] = [];
	// Built side by side: each site's pipeline and Vite build overlap the others' (one core each would sit idle otherwise).
	await Promise.all(
		(
			[
				['se', FIXTURE, 'baseUrl', 'dataDir'],
				['tiles', TILE_COUNTRY, 'tileCountryUrl', 'tileCountryDataDir'],
				['public', { ...FIXTURE, profile: 'public', minCell: PUBLIC_MIN_CELL }, 'publicUrl', 'publicDataDir'],
			] as const
		).map(async ([name, fixture, url, data]) => {
			const site = await buildSite(join(root, name), fixture);
			const server = await serveStatic(site.buildDir, 0);
			servers.push(server);
			project.provide(url, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
			project.provide(data, site.dataDir);
		}),
	);
	return async () => {
		await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
		rmSync(root, { recursive: true, force: true });
	};
}

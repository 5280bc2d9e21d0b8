/** Builds the site once for the browser tests from a simulated fixture and serves it on a free port on 127.0.0.1. */
import { mkdtempSync, rmSync } from 'node:fs';
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
	}
}

/** Sweden, 2019-01 to 2024-07, seed 11: its latest full quarter is 2024 Q2. */
export const FIXTURE = { seed: 11, from: '2019-01', to: '2024-07', scale: 1 } as const;

export default async function setup(project: TestProject) {
	const root = mkdtempSync(join(tmpdir(), 'ips-e2e-'));
	const site = await buildSite(root, FIXTURE);
	const server = await serveStatic(site.buildDir, 0);
	const { port } = server.address() as AddressInfo;
	project.provide('baseUrl', `http://127.0.0.1:${port}`);
	project.provide('dataDir', site.dataDir);
	return async () => {
		await new Promise((resolve) => server.close(resolve));
		rmSync(root, { recursive: true, force: true });
	};
}

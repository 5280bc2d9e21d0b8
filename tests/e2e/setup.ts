/**
 * Builds the site once for the browser tests, from its own simulated data in
 * its own folders (the developer's static/ and build/ are left alone), and
 * serves it on a free port on 127.0.0.1.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { runPipeline } from '../../pipelines/run.ts';
import { simulate } from '../../pipelines/simulate/index.ts';
import { serveStatic } from '../../src/server/static-server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
	}
}

/** The fixture: Sweden, 2019-01 to 2024-07, seed 11; its latest full quarter is 2024 Q2. */
export const FIXTURE = { seed: 11, from: '2019-01', to: '2024-07', scale: 1 } as const;

export default async function setup(project: TestProject) {
	const root = mkdtempSync(join(tmpdir(), 'ips-e2e-'));
	const statics = join(root, 'static');
	mkdirSync(statics);
	for (const entry of readdirSync('static')) if (entry !== 'data') cpSync(join('static', entry), join(statics, entry), { recursive: true });

	simulate({ ...FIXTURE, out: join(root, 'raw'), referenceDir: 'data/reference/se', faults: false });
	const published = await runPipeline({
		inDir: join(root, 'raw'),
		referenceDir: 'data/reference/se',
		outDir: join(statics, 'data'),
		maxRejectRate: 0,
		failedRejectsPath: join(root, 'rejects.csv'),
	});
	if (!published.published) throw new Error('the e2e fixture did not publish');

	process.env.IPS_STATIC_DIR = statics;
	process.env.IPS_BUILD_DIR = join(root, 'build');
	// A production build, as users get it (the test runner's NODE_ENV would make it a development one).
	process.env.NODE_ENV = 'production';
	const { build } = await import('vite');
	await build({ logLevel: 'error', mode: 'production' });

	const server = await serveStatic(join(root, 'build'), 0);
	const { port } = server.address() as AddressInfo;
	project.provide('baseUrl', `http://127.0.0.1:${port}`);
	project.provide('dataDir', join(statics, 'data'));

	return async () => {
		await new Promise((resolve) => server.close(resolve));
		rmSync(root, { recursive: true, force: true });
	};
}

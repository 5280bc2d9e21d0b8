/**
 * Builds the site from simulated data in folders of its own (the developer's
 * static/ and build/ are left alone): for the browser tests and benchmarks.
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../pipelines/run.ts';
import { simulate } from '../../pipelines/simulate/index.ts';

export interface Fixture {
	seed: number;
	from: string;
	to: string;
	scale: number;
}

export async function buildSite(root: string, fixture: Fixture): Promise<{ buildDir: string; dataDir: string; reportRows: number }> {
	const statics = join(root, 'static');
	mkdirSync(statics, { recursive: true });
	for (const entry of readdirSync('static')) if (entry !== 'data') cpSync(join('static', entry), join(statics, entry), { recursive: true });

	const simulated = simulate({ ...fixture, out: join(root, 'raw'), referenceDir: 'data/reference/se', faults: false });
	const published = await runPipeline({
		inDir: join(root, 'raw'),
		referenceDir: 'data/reference/se',
		outDir: join(statics, 'data'),
		maxRejectRate: 0,
		failedRejectsPath: join(root, 'rejects.csv'),
	});
	if (!published.published) throw new Error('the fixture data did not publish');

	process.env.IPS_STATIC_DIR = statics;
	process.env.IPS_BUILD_DIR = join(root, 'build');
	// A production build, as users get it (a test runner's NODE_ENV would make it a development one).
	process.env.NODE_ENV = 'production';
	const { build } = await import('vite');
	await build({ logLevel: 'error', mode: 'production' });
	return { buildDir: join(root, 'build'), dataDir: join(statics, 'data'), reportRows: simulated.reports };
}

/**
 * Builds the site from simulated data in folders of its own (the developer's
 * static/ and build/ are left alone): for the browser tests and benchmarks.
 * Vite runs in a child process, so that one run can build several sites (the
 * build reads its configuration once per process), and several at once.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runPipeline } from '../../pipelines/run.ts';
import { simulate } from '../../pipelines/simulate/index.ts';
import type { Profile } from '../../src/lib/contract/index.ts';

export interface Fixture {
	seed: number;
	from: string;
	to: string;
	scale: number;
	/** Multiplies the units (a national rollout); 1 when absent. */
	unitsScale?: number;
	/** The country's reference folder (default: Sweden, with boundaries). */
	referenceDir?: string;
	/** The publication profile (default internal), and the public profile's threshold. */
	profile?: Profile;
	minCell?: number;
	/** The most rows of a part of the units' rows (the pipeline's partRows; default PART_ROWS). */
	partRows?: number;
}

export async function buildSite(root: string, fixture: Fixture): Promise<{ buildDir: string; dataDir: string; reportRows: number; units: number }> {
	const statics = join(root, 'static');
	mkdirSync(statics, { recursive: true });
	for (const entry of readdirSync('static')) if (entry !== 'data') cpSync(join('static', entry), join(statics, entry), { recursive: true });

	const referenceDir = fixture.referenceDir ?? 'data/reference/se';
	const simulated = simulate({ ...fixture, out: join(root, 'raw'), referenceDir, faults: false });
	const published = await runPipeline({
		inDir: join(root, 'raw'),
		referenceDir,
		outDir: join(statics, 'data'),
		maxRejectRate: 0,
		rejectsPath: join(root, 'rejects.csv'),
		profile: fixture.profile,
		minCell: fixture.minCell,
		partRows: fixture.partRows,
	});
	if (!published.published) throw new Error('the fixture data did not publish');

	const buildDir = join(root, 'build');
	// SvelteKit's working folder, one per site (several build at once), inside the project so that its server code finds node_modules.
	const kitDir = join('node_modules', '.cache', 'ips-sites', root.replaceAll(/[^\w-]/g, '_'));
	try {
		await promisify(execFile)(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', '--mode', 'production'], {
			// A production build, as users get it (a test runner's NODE_ENV would make it a development one).
			env: { ...process.env, IPS_STATIC_DIR: statics, IPS_BUILD_DIR: buildDir, IPS_KIT_DIR: kitDir, NODE_ENV: 'production' },
			maxBuffer: 64 * 1024 * 1024,
		});
	} catch (error) {
		// The build's own message (what failed to compile), not only its exit code.
		throw new Error(`the site did not build in ${root}: ${(error as { stderr?: string }).stderr || String(error)}`, { cause: error });
	} finally {
		rmSync(kitDir, { recursive: true, force: true });
	}
	return { buildDir, dataDir: join(statics, 'data'), reportRows: simulated.reports, units: simulated.units.length };
}

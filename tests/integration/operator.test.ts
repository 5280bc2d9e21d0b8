/**
 * The careless operator: paths that overlap, links that loop or lead
 * nowhere, a file where a folder belongs. Each stops the run before anything
 * is written, with exit 2 and a message naming the paths; the inputs stay
 * as they were.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { copyFixture, REFERENCE, tempDir } from '../helpers.ts';

const exec = promisify(execFile);

/** Runs the CLI as an operator would and returns its exit code and what it printed. */
async function cli(args: string[]) {
	try {
		const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', '--quiet', ...args]);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).sort();

describe('overlapping paths', () => {
	const cases: [string, (input: string) => { out?: string; rejects?: string; reference?: string }][] = [
		['--out is --in', (input) => ({ out: input })],
		['--out is a parent of --in', (input) => ({ out: dirname(input) })],
		['--out lies inside --in', (input) => ({ out: join(input, 'published') })],
		['--rejects lies inside --in', (input) => ({ rejects: join(input, 'rejects.csv') })],
		['--out lies inside --reference', () => ({ out: join(REFERENCE, 'published') })],
	];
	it.each(cases)('%s: exit 2 naming both paths, nothing written, the input intact', async (_, paths) => {
		const input = copyFixture('small');
		const before = listing(input);
		const root = tempDir();
		const chosen = { out: join(root, 'out'), rejects: join(root, 'rejects.csv'), reference: REFERENCE, ...paths(input) };
		const { code, stdout, stderr } = await cli(['--in', input, '--reference', chosen.reference, '--out', chosen.out, '--rejects', chosen.rejects]);
		expect(code).toBe(2);
		expect(stderr).toMatch(/^Cannot run: .* overlap: the run would (replace or delete its own input|read its own output as input)/);
		expect(stderr).not.toMatch(/\n\s+at /);
		expect(stdout).toBe('');
		expect(listing(input)).toEqual(before);
		expect(readdirSync(root)).toEqual([]);
	});

	it('refuses an --out that is a file', async () => {
		const input = copyFixture('small');
		const file = join(tempDir(), 'marts');
		writeFileSync(file, 'not a folder');
		await expect(runPipeline({ inDir: input, referenceDir: REFERENCE, outDir: file, maxRejectRate: 1, rejectsPath: join(tempDir(), 'r.csv') })).rejects.toThrow(
			`--out ${file} is a file, not a folder`,
		);
	});
});

describe('links in the input folder', () => {
	const runWith = (input: string) => runPipeline({ inDir: input, referenceDir: REFERENCE, outDir: join(tempDir(), 'out'), maxRejectRate: 1, rejectsPath: join(tempDir(), 'r.csv') });

	it('stops at a link back up the tree, at once, naming it', async () => {
		const input = copyFixture('small');
		symlinkSync('.', join(input, 'reports', 'a'));
		symlinkSync('.', join(input, 'reports', 'b'));
		const started = performance.now();
		await expect(runWith(input)).rejects.toThrow(`${join(input, 'reports', 'a')} leads to a folder already read (→ .): a loop`);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it('stops at a link to nothing, and at a link to itself', async () => {
		const dangling = copyFixture('small');
		symlinkSync('gone.csv', join(dangling, 'reports', 'late.csv'));
		await expect(runWith(dangling)).rejects.toThrow(`${join(dangling, 'reports', 'late.csv')} is a symbolic link to nothing (→ gone.csv)`);
		const self = copyFixture('small');
		symlinkSync('self.csv', join(self, 'reports', 'self.csv'));
		await expect(runWith(self)).rejects.toThrow(`${join(self, 'reports', 'self.csv')} is a symbolic link that leads back to itself`);
	});

	it('reads a file reached twice through a link once, counting no duplicates', async () => {
		const input = copyFixture('small');
		const plain = await runWith(copyFixture('small'));
		mkdirSync(join(input, 'extra'));
		symlinkSync(join(input, 'reports', '2024-W02.csv'), join(input, 'extra', 'again.csv'));
		const linked = await runWith(input);
		expect(linked.summary.inputs).toEqual(plain.summary.inputs);
		expect(linked.summary.duplicates).toBe(plain.summary.duplicates);
	});

	it('gives exit 2 with the path, and no stack trace, for a dangling link and for a folder where units.csv belongs', async () => {
		const input = copyFixture('small');
		symlinkSync('nowhere', join(input, 'reports', 'x.jsonl'));
		const out = join(tempDir(), 'out');
		const dangling = await cli(['--in', input, '--reference', REFERENCE, '--out', out, '--rejects', join(tempDir(), 'r.csv')]);
		expect(dangling.code).toBe(2);
		expect(dangling.stderr).toContain(`Cannot run: ${join(input, 'reports', 'x.jsonl')} is a symbolic link to nothing`);
		expect(dangling.stderr).not.toMatch(/\n\s+at /);

		const folder = copyFixture('small');
		const units = join(folder, 'units.csv');
		const { rmSync } = await import('node:fs');
		rmSync(units);
		mkdirSync(units);
		const result = await cli(['--in', folder, '--reference', REFERENCE, '--out', out, '--rejects', join(tempDir(), 'r.csv')]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(`${units} is not a file.`);
	});
});

describe('one run at a time', () => {
	const options = (input: string, out: string, notices: string[] = [], maxRejectRate = 1) => ({
		inDir: input,
		referenceDir: REFERENCE,
		outDir: out,
		maxRejectRate,
		rejectsPath: join(dirname(out), 'rejects.csv'),
		onNotice: (message: string) => notices.push(message),
	});

	it('refuses a second run into the same --out while the first holds the lock, naming the holder', async () => {
		const out = join(tempDir(), 'out');
		const [first, second] = await Promise.allSettled([runPipeline(options(copyFixture('small'), out)), runPipeline(options(copyFixture('small'), out))]);
		expect(first.status).toBe('fulfilled');
		expect(second.status).toBe('rejected');
		expect(String((second as PromiseRejectedResult).reason)).toContain(`Another run (process ${process.pid} on `);
		expect(String((second as PromiseRejectedResult).reason)).toContain(`is publishing to ${out}`);
		// The lock is gone once the run has finished.
		expect(readdirSync(dirname(out)).filter((name) => name.endsWith('.lock'))).toEqual([]);
	});

	it('takes over a stale lock whose process is gone, and says so', async () => {
		const out = join(tempDir(), 'out');
		const { pid } = await exec(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).then((r) => ({ pid: Number(r.stdout) }));
		writeFileSync(join(dirname(out), '.out.lock'), JSON.stringify({ pid, host: (await import('node:os')).hostname(), started: '2026-01-01T00:00:00Z' }));
		const notices: string[] = [];
		const result = await runPipeline(options(copyFixture('small'), out, notices));
		expect(result.published).toBe(true);
		expect(notices).toEqual([`took over a stale lock on ${out} left by process ${pid}, started 2026-01-01T00:00:00Z`]);
	});

	it('puts back the output left aside by a run that stopped in the middle of its swap', async () => {
		const root = tempDir();
		const out = join(root, 'out');
		await runPipeline(options(copyFixture('small'), out));
		const before = readdirSync(out).sort();
		// A crash between the swap's two renames: the old output aside, no target.
		const { renameSync } = await import('node:fs');
		renameSync(out, join(root, '.out.previous-4242'));
		const notices: string[] = [];
		const broken = copyFixture('small');
		writeFileSync(join(broken, 'reports', 'bad.jsonl'), '{"report_id": "oops"}\n');
		const failed = await runPipeline(options(broken, out, notices, 0));
		expect(failed.published).toBe(false);
		expect(notices).toEqual([`put back ${out} from .out.previous-4242, left by a run that stopped while publishing`]);
		expect(readdirSync(out).sort()).toEqual(before);
	});

	it('publishes atomically where --out is a symbolic link: the link is moved to each new version, the one before kept until the next run', async () => {
		const root = tempDir();
		const versions = join(root, 'published');
		mkdirSync(join(versions, 'first'), { recursive: true });
		writeFileSync(join(versions, 'first', 'manifest.json'), '{}');
		const out = join(root, 'static', 'data');
		mkdirSync(dirname(out));
		symlinkSync('../published/first', out, 'dir');
		const input = copyFixture('small');

		const one = await runPipeline(options(input, out));
		expect(one.published).toBe(true);
		const v1 = readlinkSync(out);
		// Relative as the operator wrote it, to a version beside the folder it led to.
		expect(v1).toMatch(/^\.\.\/published\/data\.\d+-\d+$/);
		expect(readdirSync(out)).toContain('manifest.json');
		expect(readdirSync(out)).toContain('unit_week.arrow');
		// The operator's own folder is left as it was.
		expect(readdirSync(join(versions, 'first'))).toEqual(['manifest.json']);

		const two = await runPipeline(options(input, out));
		expect(two.published).toBe(true);
		const v2 = readlinkSync(out);
		expect(v2).not.toBe(v1);
		// The version just replaced stays, for readers still in it.
		expect(readdirSync(versions).sort()).toEqual(['first', v1.split('/').pop(), v2.split('/').pop()].sort());

		// A run that fails leaves the link where it was and no version behind.
		const broken = copyFixture('small');
		writeFileSync(join(broken, 'reports', 'bad.jsonl'), '{"report_id": "oops"}\n');
		expect((await runPipeline(options(broken, out, [], 0))).published).toBe(false);
		expect(readlinkSync(out)).toBe(v2);

		await runPipeline(options(input, out));
		const v3 = readlinkSync(out);
		// Two runs back is gone; no other folder of ours is left over.
		expect(readdirSync(versions).sort()).toEqual(['first', v2.split('/').pop(), v3.split('/').pop()].sort());
		expect(readdirSync(dirname(out)).sort()).toEqual(['data', 'rejects.csv']);
	});
});

/** Determinism, atomic replacement, incremental runs, the reject threshold and the CLI's exit codes. */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { manifestSchema, PROFILE_MARTS } from '../../src/lib/contract/index.ts';
import { copyFixture, FIXTURES, REFERENCE, tempDir } from '../helpers.ts';

const small = join(FIXTURES, 'small');

/** Every file under a folder (a mart's parts in theirs), by its path there, as its bytes. */
const snapshot = (dir: string) =>
	Object.fromEntries(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name))
			.sort()
			.map((path) => [relative(dir, path), readFileSync(path).toString('base64')]),
	);

const options = (inDir: string, outDir: string, maxRejectRate = 0.01) => ({
	inDir, referenceDir: REFERENCE, outDir, maxRejectRate, rejectsPath: join(outDir, '..', 'failed.csv'),
});

describe('publishing', () => {
	it('gives byte-identical outputs for the same inputs', async () => {
		const root = tempDir();
		await runPipeline(options(small, join(root, 'a')));
		await runPipeline(options(small, join(root, 'b')));
		const a = snapshot(join(root, 'a'));
		// Each mart as Parquet and Arrow (one file, or its parts and cells), the manifest and the rejects' summary.
		const { marts } = manifestSchema.parse(JSON.parse(readFileSync(join(root, 'a', 'manifest.json'), 'utf8')));
		const arrows = (name: string) => {
			const facts = marts[name]!;
			return 'parts' in facts ? [...(facts.cells ? [facts.cells.file] : []), ...facts.parts.map((part) => part.file)] : [`${name}.arrow`];
		};
		expect(Object.keys(a).sort()).toEqual(
			[...PROFILE_MARTS.internal.flatMap((name) => [`${name}.parquet`, ...arrows(name)]), 'manifest.json', 'rejects_summary.csv'].sort(),
		);
		expect(snapshot(join(root, 'b'))).toEqual(a);
	});

	it('leaves the published folder exactly as it was when a run fails', async () => {
		const root = tempDir();
		const out = join(root, 'out');
		await runPipeline(options(small, out));
		const before = snapshot(out);

		const broken = copyFixture('small');
		writeFileSync(join(broken, 'reports', 'bad.csv'), readFileSync(join(small, 'reports', '2024-W02.csv'), 'utf8').replaceAll(',u1,', ',nowhere,'));
		const result = await runPipeline(options(broken, out));
		expect(result.published).toBe(false);
		expect(result.summary.rows_rejected).toBe(2);
		expect(snapshot(out)).toEqual(before);
		expect(readFileSync(result.rejectsPath, 'utf8')).toContain('reports/bad.csv,2,unit_id,nowhere,unit_unknown,');
		expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]); // no staging left behind
	});

	it('publishes the rejects as counts only, and keeps the whole lines beside the inputs', async () => {
		const broken = copyFixture('small');
		// A bad line carrying a pseudonym, s-secret, that no published file may hold.
		const [header, ...lines] = readFileSync(join(small, 'reports', '2024-W02.csv'), 'utf8').split('\n');
		writeFileSync(join(broken, 'reports', 'bad.csv'), [header, ...lines.map((l) => l.replace(',u1,', ',nowhere,').replace(/^([^,]*,[^,]*,)[^,]*/, '$1s-secret'))].join('\n'));
		const out = join(tempDir(), 'out');
		const result = await runPipeline(options(broken, out, 0.5));
		expect(result.published).toBe(true);
		expect(readdirSync(out)).not.toContain('rejects.csv');
		const summary = readFileSync(join(out, 'rejects_summary.csv'), 'utf8').trimEnd().split('\n');
		expect(summary[0]).toBe('file,rule,column,problems');
		// Both copied lines name an unknown unit; every line is a file, a rule, a column and a count, nothing of the line itself.
		expect(summary).toContain('reports/bad.csv,unit_unknown,unit_id,2');
		for (const line of summary.slice(1)) expect(line).toMatch(/^reports\/[\w.-]+,[a-z_]+,[a-z_]+,\d+$/);
		for (const [name, base64] of Object.entries(snapshot(out))) expect(Buffer.from(base64, 'base64').includes('s-secret'), name).toBe(false);
		expect(result.rejectsPath).toBe(join(out, '..', 'failed.csv'));
		expect(readFileSync(result.rejectsPath, 'utf8')).toContain('reports/bad.csv,2,unit_id,nowhere,unit_unknown,');
		expect(result.manifest!.rejects.summary.bytes).toBe(readFileSync(join(out, 'rejects_summary.csv')).length);
	});

	it('publishes a rejected share at the threshold and refuses one above it', async () => {
		const broken = copyFixture('small');
		writeFileSync(join(broken, 'reports', 'bad.jsonl'), '{"report_id": "oops"}\n');
		// 27 rows read, one rejected: 3.7 %.
		const passing = await runPipeline(options(broken, join(tempDir(), 'out'), 0.04));
		expect(passing.published).toBe(true);
		expect(passing.summary.rows_read).toBe(27);
		const failing = await runPipeline(options(broken, join(tempDir(), 'out'), 0.03));
		expect(failing.published).toBe(false);
	});

	it('equals a full run when next week is added and the run repeated', async () => {
		const root = tempDir();
		const growing = join(root, 'in');
		mkdirSync(join(growing, 'reports'), { recursive: true });
		for (const name of ['units.csv', 'unit_events.csv', 'reports/2024-W02.csv', 'reports/2024-W03.csv']) cpSync(join(small, name), join(growing, name));
		await runPipeline(options(growing, join(root, 'out')));
		cpSync(join(small, 'reports', 'late.jsonl'), join(growing, 'reports', 'late.jsonl'));
		await runPipeline(options(growing, join(root, 'out')));
		await runPipeline(options(small, join(root, 'full')));
		expect(snapshot(join(root, 'out'))).toEqual(snapshot(join(root, 'full')));
	});

	it('never modifies the raw inputs', async () => {
		const dir = copyFixture('small');
		const before = snapshot(join(dir, 'reports'));
		await runPipeline(options(dir, join(tempDir(), 'out')));
		expect(snapshot(join(dir, 'reports'))).toEqual(before);
	});
});

const exec = promisify(execFile);
async function cli(...args: string[]) {
	try {
		const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'pipelines/cli.ts', ...args]);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

describe('npm run data', () => {
	it('prints help', async () => {
		const { code, stdout } = await cli('--help');
		expect(code).toBe(0);
		expect(stdout).toContain('--max-reject-rate');
	});

	it('exits 0 and summarises a good run', async () => {
		const out = join(tempDir(), 'out');
		const { code, stdout } = await cli('--in', small, '--reference', REFERENCE, '--out', out, '--quiet');
		expect(code).toBe(0);
		expect(stdout).toContain('Published');
		expect(existsSync(join(out, 'manifest.json'))).toBe(true);
	});

	it('exits 1 when too many rows are rejected, naming the rejects report', async () => {
		const broken = copyFixture('small');
		writeFileSync(join(broken, 'reports', 'bad.jsonl'), '{"report_id": "oops"}\n');
		const root = tempDir();
		const { code, stderr, stdout } = await cli('--in', broken, '--reference', REFERENCE, '--out', join(root, 'out'), '--rejects', join(root, 'r.csv'));
		expect(code).toBe(1);
		expect(stdout).toContain('missing_value');
		expect(stderr).toContain(`Rejects report: ${join(root, 'r.csv')}`);
		expect(existsSync(join(root, 'out'))).toBe(false);
		expect(readFileSync(join(root, 'r.csv'), 'utf8')).toContain('reports/bad.jsonl,1,unit_id,,missing_value');
	});

	it('exits 2 on a missing input folder, with a message a manager can act on', async () => {
		const { code, stderr } = await cli('--in', join(tempDir(), 'nothing'), '--reference', REFERENCE, '--out', join(tempDir(), 'out'));
		expect(code).toBe(2);
		expect(stderr).toMatch(/Input folder .* does not exist/);
	});

	it('exits 2 on a bad --max-reject-rate', async () => {
		const { code, stderr } = await cli('--max-reject-rate', 'lots');
		expect(code).toBe(2);
		expect(stderr).toContain('--max-reject-rate must be a number from 0 to 1');
	});

	it('publishes the public profile with the threshold asked for, and refuses a profile or threshold it does not know', async () => {
		const out = join(tempDir(), 'out');
		const { code, stdout } = await cli('--in', small, '--reference', REFERENCE, '--out', out, '--quiet', '--profile', 'public', '--min-cell', '3');
		expect(code).toBe(0);
		expect(stdout).toContain('public profile: counts of people under 3 suppressed');
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
		expect([manifest.profile, manifest.min_cell]).toEqual(['public', 3]);
		expect(existsSync(join(out, 'unit_week.parquet'))).toBe(false);

		expect(await cli('--profile', 'open')).toMatchObject({ code: 2, stderr: expect.stringContaining('--profile must be internal or public, not "open"') });
		expect(await cli('--profile', 'public', '--min-cell', '1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--min-cell must be a whole number of 2 or more') });
		expect(await cli('--min-cell', '3')).toMatchObject({ code: 2, stderr: expect.stringContaining('--min-cell applies to the public profile only') });
	});
});

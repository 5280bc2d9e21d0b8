/**
 * npm run bench:pipeline — simulates about a million weekly report rows, runs
 * the pipeline on them three times (each in a fresh process) and prints JSON:
 * rows per second end to end and peak memory, medians of the runs; then
 * once more with the public profile (its aggregates and their suppression).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../pipelines/simulate/index.ts';

// --hostile: one 300 MB file in three hostile shapes instead (./pipeline-hostile.ts).
if (process.argv.includes('--hostile')) {
	await import('./pipeline-hostile.ts');
	process.exit(0);
}

const RUNS = 3;
const SCALE = 39; // about 1,000,000 report rows for 2015-01 to 2026-10 (the demo landscape has had fewer, smaller teams since the calibration for seeds 1–20)
const reference = 'data/reference/se';
const root = mkdtempSync(join(tmpdir(), 'ips-bench-'));
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
	const generated = simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: SCALE, out: join(root, 'raw'), referenceDir: reference, faults: false });
	type Run = { rows: number; seconds: number; peak_rss_mib: number; published: boolean; suppression?: Record<string, { cells: number; primary: number; secondary: number }> };
	const runOnce = (out: string, profile = 'internal'): Run => {
		const printed = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/pipeline-run.ts', join(root, 'raw'), reference, join(root, out), profile], {
			encoding: 'utf8',
		});
		return JSON.parse(printed.trim().split('\n').pop()!) as Run;
	};
	const runs = Array.from({ length: RUNS }, (_, i) => runOnce(`out-${i}`));
	const publicRun = runOnce('out-public', 'public');
	if ([...runs, publicRun].some((r) => !r.published)) throw new Error('a benchmark run did not publish');
	const rows = runs[0]!.rows;
	console.log(
		JSON.stringify(
			{
				benchmark: 'pipeline',
				report_rows: generated.reports,
				rows_read: rows,
				runs: RUNS,
				seconds_median: Number(median(runs.map((r) => r.seconds)).toFixed(2)),
				rows_per_second_median: Math.round(rows / median(runs.map((r) => r.seconds))),
				peak_rss_mib_median: median(runs.map((r) => r.peak_rss_mib)),
				seconds_each: runs.map((r) => Number(r.seconds.toFixed(2))),
				public_profile: {
					seconds: Number(publicRun.seconds.toFixed(2)),
					rows_per_second: Math.round(rows / publicRun.seconds),
					peak_rss_mib: publicRun.peak_rss_mib,
					withheld_share: Object.fromEntries(
						Object.entries(publicRun.suppression ?? {}).map(([table, n]) => [table, Number(((n.primary + n.secondary) / n.cells).toFixed(3))]),
					),
				},
				cores: (await import('node:os')).availableParallelism(),
			},
			null,
			2,
		),
	);
} finally {
	rmSync(root, { recursive: true, force: true });
}

/**
 * Staging the weekly reports: every row validated, the valid ones loaded into
 * DuckDB's report_rows table. Large runs spread the files over worker threads
 * (validation is the costly part); small runs stay in this thread, where a
 * worker's start-up would cost more than it saves.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { UnitLife } from '../fold.ts';
import { InputError } from '../read/errors.ts';
import type { Reject } from '../rejects.ts';
import { STAGED_COLUMNS, validateReportFile, type UnitSpan } from './validateFile.ts';
import type { WorkerJob, WorkerMessage } from './worker.ts';

/** Below this many bytes of reports, validate in this thread. */
const WORKER_THRESHOLD_BYTES = 8 * 1024 * 1024;

export interface Staged {
	rows: number;
	rejects: Reject[];
}

export async function stageReports(
	conn: DuckDBConnection,
	inDir: string,
	files: readonly string[],
	lives: ReadonlyMap<string, UnitLife>,
	progress: (message: string) => void,
): Promise<Staged> {
	const spans: UnitSpan[] = [...lives.values()].map((l) => [l.unit_id, l.opened_on, l.closed_on]);
	const sizes = files.map((f) => statSync(join(inDir, f)).size);
	const total = sizes.reduce((a, b) => a + b, 0);
	const workers = total < WORKER_THRESHOLD_BYTES ? 0 : Math.max(1, Math.min(availableParallelism(), files.length, 4));
	const dir = mkdtempSync(join(tmpdir(), 'ips-stage-'));
	try {
		const staged =
			workers === 0 ? stageHere(inDir, files, spans, join(dir, 'rows.tsv')) : await stageInWorkers(inDir, files, sizes, spans, dir, workers, progress);
		progress(`loading ${staged.rows.toLocaleString('en')} rows into DuckDB`);
		await loadStaged(conn, staged.paths);
		return { rows: staged.rows, rejects: staged.rejects };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function stageHere(inDir: string, files: readonly string[], spans: UnitSpan[], path: string) {
	const map = new Map(spans.map((s) => [s[0], s]));
	let tsv = '';
	let rows = 0;
	const rejects: Reject[] = [];
	files.forEach((file, idx) => {
		const result = validateReportFile(inDir, file, idx, map);
		tsv += result.tsv;
		rows += result.rows;
		rejects.push(...result.rejects);
	});
	writeFileSync(path, tsv);
	return { rows, rejects, paths: [path] };
}

async function stageInWorkers(
	inDir: string,
	files: readonly string[],
	sizes: number[],
	spans: UnitSpan[],
	dir: string,
	count: number,
	progress: (message: string) => void,
) {
	// Largest files first, each to the least loaded worker: even shares of work.
	const jobs: WorkerJob[] = Array.from({ length: count }, (_, i) => ({ inDir, files: [], spans, stagingPath: join(dir, `rows-${i}.tsv`) }));
	const load = new Array<number>(count).fill(0);
	for (const idx of files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b)) {
		const target = load.indexOf(Math.min(...load));
		jobs[target]!.files.push({ idx, path: files[idx]! });
		load[target]! += sizes[idx]!;
	}

	let rowsSeen = 0;
	let filesSeen = 0;
	let lastProgress = performance.now();
	const results = await Promise.all(
		jobs.map(
			(job) =>
				new Promise<Extract<WorkerMessage, { kind: 'done' | 'failed' }>>((resolve, reject) => {
					// A larger young generation lets short-lived row objects die young: a quarter less time in GC.
					const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
					worker.on('message', (message: WorkerMessage) => {
						if (message.kind === 'progress') {
							rowsSeen += message.rows;
							filesSeen++;
							if (performance.now() - lastProgress > 1000) {
								lastProgress = performance.now();
								progress(`reading reports: ${filesSeen} of ${files.length} files, ${rowsSeen.toLocaleString('en')} rows`);
							}
						} else {
							resolve(message);
							void worker.terminate();
						}
					});
					worker.on('error', reject);
				}),
		),
	);
	const failures = results.filter((r) => r.kind === 'failed').sort((a, b) => a.fileIdx - b.fileIdx);
	if (failures.length) throw failures[0]!.input ? new InputError(failures[0]!.message) : new Error(failures[0]!.message);
	const done = results.filter((r) => r.kind === 'done');
	return { rows: done.reduce((n, r) => n + r.rows, 0), rejects: done.flatMap((r) => r.rejects), paths: jobs.map((j) => j.stagingPath) };
}

/** report_rows: the staged lines with their real types. */
async function loadStaged(conn: DuckDBConnection, paths: string[]) {
	const columns = Object.entries(STAGED_COLUMNS)
		.map(([name, type]) => `'${name}': '${type}'`)
		.join(', ');
	const list = paths.map((p) => `'${p.replaceAll("'", "''")}'`).join(', ');
	await conn.run(`
		CREATE OR REPLACE TABLE report_rows AS
		SELECT * EXCLUDE (week_day, submitted_ms),
			DATE '1970-01-01' + week_day AS week,
			submitted_ms AS submitted_at
		FROM read_csv([${list}], delim = '\t', header = false, quote = '', escape = '', auto_detect = false, columns = {${columns}})`);
}

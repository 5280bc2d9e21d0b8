/** Worker thread: validates its share of the report files and stages the valid rows in one file. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../read/errors.ts';
import type { Reject } from '../rejects.ts';
import { validateReportFile, type UnitSpan } from './validateFile.ts';

export interface WorkerJob {
	inDir: string;
	files: { idx: number; path: string }[];
	spans: UnitSpan[];
	stagingPath: string;
}

export type WorkerMessage =
	| { kind: 'progress'; rows: number }
	| { kind: 'done'; rows: number; rejects: Reject[] }
	| { kind: 'failed'; fileIdx: number; input: boolean; message: string };

function work(job: WorkerJob, post: (message: WorkerMessage) => void) {
	const spans = new Map(job.spans.map((s) => [s[0], s]));
	writeFileSync(job.stagingPath, '');
	let rows = 0;
	const rejects: Reject[] = [];
	for (const { idx, path } of job.files) {
		try {
			const result = validateReportFile(job.inDir, path, idx, spans);
			appendFileSync(job.stagingPath, result.tsv);
			rows += result.rows;
			rejects.push(...result.rejects);
			post({ kind: 'progress', rows: result.rows });
		} catch (error) {
			post({ kind: 'failed', fileIdx: idx, input: error instanceof InputError, message: (error as Error).message });
			return;
		}
	}
	post({ kind: 'done', rows, rejects });
}

if (parentPort) work(workerData as WorkerJob, (message) => parentPort!.postMessage(message));

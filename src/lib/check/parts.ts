/**
 * The check on every core: one worker per core (./check.worker.ts), each
 * with its shares of the files (./shares.ts), and what they find put
 * together here as if one worker had read every file: progress summed,
 * each file's rows, rejects and counts in file order, and a file that any
 * part could not read left out whole, named by the error of its earliest
 * share (the first bad byte, as the pipeline names it).
 */
import type { Reject } from '../../../pipelines/rejects.ts';
import { inReportOrder } from './rejects';
import { countsOf, type CheckMessage, type CheckRequest, type PartMessage, type PartResult } from './protocol';

/** At most this many workers: past it, the tab's memory grows more than the check speeds up. */
const MOST_PARTS = 4;

export const partsFor = (cores: number | undefined) => Math.max(1, Math.min(MOST_PARTS, cores || 2));

/** The parts' results as one: what the page's 'done' says, and the files left out, named with why. */
export function mergeParts(parts: readonly PartResult[]): { done: Extract<CheckMessage, { type: 'done' }>; unreadable: { file: string; message: string }[] } {
	const reportFiles = parts[0]!.reportFiles;
	const byFile = new Map<number, PartResult['results']>();
	for (const part of parts) {
		for (const result of part.results) {
			if (!byFile.has(result.file)) byFile.set(result.file, []);
			byFile.get(result.file)!.push(result);
		}
	}
	const counted: PartResult['results'] = [];
	const rejects: Reject[] = [...parts[0]!.unitRejects];
	const leftOut: number[] = [];
	const unreadable: { file: string; message: string }[] = [];
	for (const [file, results] of [...byFile].sort((a, b) => a[0] - b[0])) {
		const error = results.find((r) => r.error !== undefined)?.error;
		if (error !== undefined) {
			leftOut.push(file);
			unreadable.push({ file: reportFiles[file]!, message: error });
			continue;
		}
		for (const result of results) {
			counted.push(result);
			for (const reject of result.rejects) rejects.push(reject);
		}
	}
	return {
		done: { type: 'done', ...countsOf(counted), rejects: inReportOrder(rejects), staged: parts.map((p) => p.staged), leftOut, reportFiles },
		unreadable,
	};
}

/**
 * Starts the check of `request` (without its part) on `spawn`ed workers,
 * one per core, and tells `receive` what a single worker would: progress,
 * files refused, then 'done' with every part's findings together. Returns
 * a function that stops every worker.
 */
export function startCheck(spawn: () => Worker, request: Omit<CheckRequest, 'part' | 'parts'>, receive: (message: CheckMessage) => void, parts = partsFor(navigator.hardwareConcurrency)): () => void {
	const workers = Array.from({ length: parts }, spawn);
	const stop = () => workers.forEach((w) => w.terminate());
	const progress = workers.map(() => ({ bytes: 0, rows: 0, accepted: 0, rejectedRows: 0 }));
	const totalBytes = request.files.reduce((sum, f) => sum + f.size, 0);
	const results: PartResult[] = [];
	workers.forEach((worker, part) => {
		worker.onmessage = ({ data: message }: MessageEvent<PartMessage>) => {
			if (message.type === 'progress') {
				progress[part] = message;
				receive({ type: 'progress', file: message.file, bytes: progress.reduce((sum, p) => sum + p.bytes, 0), totalBytes, ...countsOf(progress) });
			} else if (message.type === 'done') {
				results[part] = message;
				if (results.filter(Boolean).length < parts) return;
				stop();
				const { done, unreadable } = mergeParts(results);
				for (const { file, message } of unreadable) receive({ type: 'file_error', file, problem: 'unreadable', message });
				receive(done);
			} else {
				if (message.type === 'failed') stop();
				receive(message);
			}
		};
		worker.onerror = (event) => {
			event.preventDefault();
			stop();
			receive({ type: 'failed', message: event.message });
		};
		worker.postMessage({ ...request, part, parts } satisfies CheckRequest);
	});
	return stop;
}

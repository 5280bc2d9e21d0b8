/**
 * The check of a reader's own files, in a Web Worker so that the page stays
 * responsive: the pipeline's own readers, schemas, rules and messages
 * (pipelines/read, pipelines/schema, pipelines/stage/validateRow.ts), run on
 * File objects read a block at a time (FileReaderSync, which only workers
 * have), so that no file is copied whole. Nothing is sent anywhere: the
 * worker has no network code, and the page's CSP allows none.
 */
import { decodedPieces } from '../../../pipelines/read/decode.ts';
import { InputError } from '../../../pipelines/read/errors.ts';
import { readTableFrom, tableKind } from '../../../pipelines/read/table.ts';
import { foldUnits } from '../../../pipelines/fold.ts';
import { fromUnreadable, type Reject } from '../../../pipelines/rejects.ts';
import { REPORT_COLUMNS, UNIT_COLUMNS, UNIT_EVENT_COLUMNS } from '../../../pipelines/schema/index.ts';
import { validateReportRow, type ReportContext, type UnitSpan } from '../../../pipelines/stage/validateRow.ts';
import { checkEvents, checkUnits } from '../../../pipelines/unitFiles.ts';
import { fileProblem, MAX_FILE_BYTES, type CheckMessage, type CheckRequest } from './protocol';
import { inReportOrder } from './rejects';

// Only workers have it; the project's DOM types leave it out.
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

const BLOCK_BYTES = 2 * 1024 * 1024;
/** How often the page hears how far the check has come. */
const PROGRESS_MS = 100;

/** A File's bytes, a block at a time, with the bytes read so far counted in `read`. */
function* blocksOf(file: File, read: { bytes: number }): Generator<Uint8Array> {
	const reader = new FileReaderSync();
	for (let start = 0; start < file.size; start += BLOCK_BYTES) {
		const bytes = new Uint8Array(reader.readAsArrayBuffer(file.slice(start, start + BLOCK_BYTES)));
		read.bytes = start + bytes.length;
		yield bytes;
	}
}

/**
 * The accepted rows as UTF-8 bytes, a few thousand lines at a time: a
 * million rows held as JavaScript strings cost the garbage collector a
 * third of the check (and twice the memory); bytes it never scans, and they
 * go to the page without a copy.
 */
class StagedRows {
	lines = 0;
	#encoder = new TextEncoder();
	#pending: string[] = [];
	#blocks: Uint8Array[] = [];

	push(line: string) {
		this.#pending.push(line);
		this.lines++;
		if (this.#pending.length === 4096) this.#flush();
	}

	#flush() {
		if (this.#pending.length) this.#blocks.push(this.#encoder.encode(this.#pending.join('')));
		this.#pending = [];
	}

	/** Every line, in one buffer. */
	bytes(): Uint8Array {
		this.#flush();
		const all = new Uint8Array(this.#blocks.reduce((sum, b) => sum + b.length, 0));
		let at = 0;
		for (const block of this.#blocks) {
			all.set(block, at);
			at += block.length;
		}
		this.#blocks = [];
		return all;
	}
}

const post = (message: CheckMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

/** A table of one of the reader's files, read a block at a time. */
function tableOf(file: File, columns: readonly string[], read = { bytes: 0 }) {
	const kind = tableKind(file.name)!;
	return readTableFrom(decodedPieces(blocksOf(file, read), file.name, kind === 'csv'), kind, file.name, columns);
}

const named = (files: readonly File[], name: string) => files.find((f) => f.name.toLowerCase() === name);

/**
 * When each unit was open: from the reader's own units.csv and
 * unit_events.csv where both are given (checked and folded as the pipeline
 * does, their rejects with the rest), else from the published data.
 */
function unitSpans(request: CheckRequest, unitFiles: { units?: File; events?: File }, rejects: Reject[]): UnitSpan[] {
	const { units, events } = unitFiles;
	if (!units || !events) {
		const given = units ?? events;
		if (given) post({ type: 'file_error', file: given.name, problem: 'pair' });
		return request.spans;
	}
	// The file being read, for an error that stops it (its message names it too).
	let reading = units;
	try {
		const checkedUnits = checkUnits(tableOf(units, UNIT_COLUMNS), new Set(request.regions), rejects);
		reading = events;
		const checkedEvents = checkEvents(tableOf(events, UNIT_EVENT_COLUMNS), rejects);
		const folded = foldUnits(checkedUnits.valid, checkedEvents.valid, new Set(request.areas), checkedUnits.rejected);
		rejects.push(...folded.rejects);
		return [...folded.lives.values()].map((life) => [life.unit_id, life.opened_on, life.closed_on] as const);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		post({ type: 'file_error', file: reading.name, problem: 'unreadable', message: error.message });
		return request.spans;
	}
}

function check(request: CheckRequest) {
	const rejects: Reject[] = [];
	const unitFiles = { units: named(request.files, 'units.csv'), events: named(request.files, 'unit_events.csv') };
	const spans = unitSpans(request, unitFiles, rejects);
	const files = request.files.filter((f) => f !== unitFiles.units && f !== unitFiles.events);
	const context: ReportContext = { spans: new Map(spans.map((span) => [span[0], span])), asOfDay: request.asOfDay };
	const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
	const counts = { rows: 0, accepted: 0, rejectedRows: 0 };
	// Accepted rows as the pipeline stages them (tab-separated), for the revision rules.
	const accepted = new StagedRows();
	let doneBytes = 0;
	let lastPost = 0;
	const progress = (file: string, bytes: number, force = false) => {
		const now = performance.now();
		if (!force && now - lastPost < PROGRESS_MS) return;
		lastPost = now;
		post({ type: 'progress', file, bytes: doneBytes + bytes, totalBytes, ...counts });
	};

	files.forEach((file, fileIdx) => {
		const problem = fileProblem(file.name, file.size);
		if (problem) {
			post({ type: 'file_error', file: file.name, problem, limit: MAX_FILE_BYTES });
			doneBytes += file.size;
			return;
		}
		const read = { bytes: 0 };
		try {
			const table = tableOf(file, REPORT_COLUMNS, read);
			const into = { rows: 0, tsv: accepted, rejects: [] as Reject[] };
			for (const row of table.rows) {
				const before = into.rejects.length;
				const acceptedBefore = accepted.lines;
				validateReportRow(row, file.name, fileIdx, table.decimal, context, into);
				if (accepted.lines > acceptedBefore) counts.accepted++;
				else if (into.rejects.length > before) counts.rejectedRows++;
				counts.rows++;
				if ((counts.rows & 1023) === 0) progress(file.name, read.bytes);
			}
			const unreadable = table.unreadable.map((row) => fromUnreadable(file.name, row));
			counts.rows += unreadable.length;
			counts.rejectedRows += new Set(unreadable.map((r) => r.line)).size;
			rejects.push(...into.rejects, ...unreadable);
		} catch (error) {
			// A file the pipeline would stop at (not UTF-8, columns missing or unknown, empty): named, and the rest go on.
			if (!(error instanceof InputError)) throw error;
			post({ type: 'file_error', file: file.name, problem: 'unreadable', message: error.message });
		}
		doneBytes += file.size;
		progress(file.name, 0, true);
	});
	const acceptedTsv = accepted.bytes();
	post({ type: 'done', ...counts, rejects: inReportOrder(rejects), acceptedTsv, reportFiles: files.map((f) => f.name) }, [acceptedTsv.buffer]);
}

self.onmessage = (event: MessageEvent<CheckRequest>) => {
	try {
		check(event.data);
	} catch (error) {
		post({ type: 'failed', message: String(error) });
	}
};

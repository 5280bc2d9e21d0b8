/**
 * One worker's part of the check of a reader's own files (./check.worker.ts
 * runs it, one worker per core): the pipeline's own readers, schemas, rules
 * and messages (pipelines/read, pipelines/schema,
 * pipelines/stage/validateRow.ts) on this worker's shares of the files
 * (./shares.ts), read a block at a time so that no file is copied whole.
 * What each file gave is kept apart, so that the page (./parts.ts) can put
 * the parts together, and leave a file out whole where any part could not
 * read it. No file system and no network here: tests run it in Node.
 */
import { decodedPieces } from '../../../pipelines/read/decode.ts';
import { InputError } from '../../../pipelines/read/errors.ts';
import { readCsvHeader, readTableFrom, tableKind } from '../../../pipelines/read/table.ts';
import { foldUnits } from '../../../pipelines/fold.ts';
import { fromUnreadable, type Reject } from '../../../pipelines/rejects.ts';
import { REPORT_COLUMNS, UNIT_COLUMNS, UNIT_EVENT_COLUMNS } from '../../../pipelines/schema/index.ts';
import { validateReportRow, type ReportContext, type UnitSpan } from '../../../pipelines/stage/validateRow.ts';
import { checkEvents, checkUnits } from '../../../pipelines/unitFiles.ts';
import { countsOf, fileProblem, MAX_FILE_BYTES, type CheckRequest, type FileResult, type PartMessage } from './protocol';
import { ColumnRows } from './columns';
import { cutsOf, shareOut, SHARED_FROM_BYTES, type Share } from './shares';

/** The bytes [start, end) of a file, read as they are asked for. */
export type ReadBytes = (file: File, start: number, end: number) => Uint8Array;

const BLOCK_BYTES = 2 * 1024 * 1024;
/** How often the page hears how far this part has come. */
const PROGRESS_MS = 100;

/** The bytes [start, end) of a file, a block at a time, with the bytes read so far counted in `read`. */
function* blocksOf(readBytes: ReadBytes, file: File, start = 0, end = file.size, read = { bytes: 0 }): Generator<Uint8Array> {
	for (let at = start; at < end; at += BLOCK_BYTES) {
		const bytes = readBytes(file, at, Math.min(at + BLOCK_BYTES, end));
		read.bytes = at - start + bytes.length;
		yield bytes;
	}
}

const named = (files: readonly File[], name: string) => files.find((f) => f.name.toLowerCase() === name);

/**
 * Checks this part's shares of the request's files, telling `post` how far
 * it has come, and returns what each file gave. Part 0 alone speaks for
 * what every part finds alike: files refused by name or size, and the
 * reader's units.csv and unit_events.csv.
 */
export function checkPart(request: CheckRequest, readBytes: ReadBytes, post: (message: PartMessage) => void, sharedFromBytes = SHARED_FROM_BYTES) {
	const { part, parts } = request;
	const speaks = part === 0;
	const unitRejects: Reject[] = [];
	const unitFiles = { units: named(request.files, 'units.csv'), events: named(request.files, 'unit_events.csv') };
	const spans = unitSpans(request, unitFiles, unitRejects, readBytes, speaks ? post : () => {});
	const files = request.files.filter((f) => f !== unitFiles.units && f !== unitFiles.events);
	const context: ReportContext = { spans: new Map(spans.map((span) => [span[0], span])), asOfDay: request.asOfDay };

	const sizes = files.map((file) => {
		const problem = fileProblem(file.name, file.size);
		if (problem && speaks) post({ type: 'file_error', file: file.name, problem, limit: MAX_FILE_BYTES });
		return problem ? null : file.size;
	});
	const shares = shareOut(sizes, parts, (i) => cutsOf(blocksOf(readBytes, files[i]!), files[i]!.size, parts, tableKind(files[i]!.name) === 'csv'), sharedFromBytes);
	const mine = shares.filter((share) => share.part === part);

	const results = new Map<number, FileResult>();
	// Accepted rows as the pipeline stages them, for the revision rules.
	const accepted = new ColumnRows();
	const totalBytes = mine.reduce((sum, share) => sum + share.end - share.start, 0);
	let doneBytes = 0;
	let lastPost = 0;
	const progress = (file: string, bytes: number, force = false) => {
		const now = performance.now();
		if (!force && now - lastPost < PROGRESS_MS) return;
		lastPost = now;
		post({ type: 'progress', part, file, bytes: doneBytes + bytes, totalBytes, ...countsOf(results.values()) });
	};

	for (const share of mine) {
		const file = files[share.file]!;
		const result = results.get(share.file) ?? { file: share.file, rows: 0, accepted: 0, rejectedRows: 0, rejects: [] };
		results.set(share.file, result);
		const read = { bytes: 0 };
		try {
			const table = tableOf(readBytes, file, share, read);
			const into = { rows: 0, accepted, rejects: result.rejects };
			for (const row of table.rows) {
				const before = result.rejects.length;
				const acceptedBefore = accepted.length;
				validateReportRow(row, file.name, share.file, table.decimal, context, into);
				if (accepted.length > acceptedBefore) result.accepted++;
				else if (result.rejects.length > before) result.rejectedRows++;
				if ((++result.rows & 1023) === 0) progress(file.name, read.bytes);
			}
			// One by one: a file of a hundred thousand bad lines passed as arguments at once overflows the stack.
			for (const row of table.unreadable) result.rejects.push(fromUnreadable(file.name, row));
			result.rows += table.unreadable.length;
			result.rejectedRows += new Set(table.unreadable.map((r) => r.line)).size;
		} catch (error) {
			// A file the pipeline would stop at (not UTF-8, columns missing or unknown, empty): the page names it, the rest go on.
			if (!(error instanceof InputError)) throw error;
			result.error ??= error.message;
		}
		doneBytes += share.end - share.start;
		progress(file.name, 0, true);
	}
	return { unitRejects, results: [...results.values()], staged: accepted.columns(), reportFiles: files.map((f) => f.name) };
}

/** A share of one of the reader's files as a table, read a block at a time: one that starts further in reads the CSV header first. */
function tableOf(readBytes: ReadBytes, file: File, share: Share, read: { bytes: number }) {
	const kind = tableKind(file.name)!;
	const pieces = decodedPieces(blocksOf(readBytes, file, share.start, share.end, read), file.name, kind === 'csv', share.firstLine);
	if (share.start === 0 || kind !== 'csv') return readTableFrom(pieces, kind, file.name, REPORT_COLUMNS);
	// Part 0 reads the header as the pipeline does and speaks for a bad one: this is only its layout.
	const head = new TextDecoder().decode(readBytes(file, 0, Math.min(file.size, BLOCK_BYTES)), { stream: true });
	return readTableFrom(pieces, kind, file.name, REPORT_COLUMNS, readCsvHeader(head, file.name, REPORT_COLUMNS));
}

/** A whole table of one of the reader's files (units.csv, unit_events.csv). */
const wholeTable = (readBytes: ReadBytes, file: File, columns: readonly string[]) =>
	readTableFrom(decodedPieces(blocksOf(readBytes, file), file.name, true), 'csv', file.name, columns);

/**
 * When each unit was open: from the reader's own units.csv and
 * unit_events.csv where both are given (checked and folded as the pipeline
 * does, their rejects with the rest), else from the published data.
 */
function unitSpans(request: CheckRequest, unitFiles: { units?: File; events?: File }, rejects: Reject[], readBytes: ReadBytes, post: (message: PartMessage) => void): UnitSpan[] {
	const { units, events } = unitFiles;
	if (!units || !events) {
		const given = units ?? events;
		if (given) post({ type: 'file_error', file: given.name, problem: 'pair' });
		return request.spans;
	}
	// The file being read, for an error that stops it (its message names it too).
	let reading = units;
	try {
		const checkedUnits = checkUnits(wholeTable(readBytes, units, UNIT_COLUMNS), new Set(request.regions), rejects);
		reading = events;
		const checkedEvents = checkEvents(wholeTable(readBytes, events, UNIT_EVENT_COLUMNS), rejects);
		const folded = foldUnits(checkedUnits.valid, checkedEvents.valid, new Set(request.areas), checkedUnits.rejected);
		rejects.push(...folded.rejects);
		return [...folded.lives.values()].map((life) => [life.unit_id, life.opened_on, life.closed_on] as const);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		post({ type: 'file_error', file: reading.name, problem: 'unreadable', message: error.message });
		return request.spans;
	}
}

/**
 * One reader for every input table, CSV or JSON Lines: it checks the columns
 * against the contract, and hands each row on as text cells with the line an
 * editor shows, so one bad cell rejects one row and never the whole file.
 */
import { csvRecords, detectDelimiter, type CsvRecord, type Delimiter } from './csv.ts';
import type { TextPiece } from './decode.ts';
import { InputError } from './errors.ts';

export type Cells = Record<string, string | undefined>;

export interface Row {
	line: number;
	cells: Cells;
}

/** A row that could not be read into cells at all. */
export interface UnreadableRow {
	line: number;
	column: string;
	value: string;
	rule: 'malformed_row' | 'unknown_column';
	detail: string;
}

export interface Table {
	file: string;
	/** Decimal separator of the file's numbers: `;`-separated CSV uses decimal commas. */
	decimal: '.' | ',';
	/**
	 * The rows, read as they are asked for: a row is validated and dropped
	 * before the next is read, which keeps large files off the garbage collector.
	 */
	rows: Iterable<Row>;
	/** Rows that could not be read, filled in while `rows` is read. */
	unreadable: UnreadableRow[];
	/** Data rows seen so far, readable or not. */
	readonly count: number;
}

export type TableKind = 'csv' | 'jsonl';

/** A table file's kind by its name: CSV, JSON Lines, or neither. */
export const tableKind = (name: string): TableKind | null => (/\.csv$/i.test(name) ? 'csv' : /\.(jsonl|ndjson)$/i.test(name) ? 'jsonl' : null);

export const isTableFile = (name: string) => tableKind(name) !== null;

/**
 * A table from its text in pieces (./decode.ts), from a file on disk
 * (./file.ts) or in a browser: the header is checked at once (an unusable
 * one stops here), the rows are read as they are asked for. A CSV file's
 * share that starts after its header (src/lib/check) comes with the layout
 * read from the header.
 */
export function readTableFrom(pieces: Generator<TextPiece>, kind: TableKind, shownAs: string, columns: readonly string[], layout?: CsvLayout): Table {
	return kind === 'csv' ? readCsv(pieces, shownAs, columns, layout) : readJsonLines(pieces, shownAs, columns);
}

/** The layout of a CSV file, read from its header line. */
export interface CsvLayout {
	delimiter: Delimiter;
	/** Column names in file order, trimmed. */
	header: string[];
}

/** The decimal separator of numbers in a file: `;`-separated CSV uses decimal commas, everything else points. */
export const decimalOf = (delimiter: Delimiter): '.' | ',' => (delimiter === ';' ? ',' : '.');

/** Reads and checks a CSV header; unusable headers stop the run (InputError). */
export function readCsvHeader(text: string, file: string, columns: readonly string[]): CsvLayout {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	if (firstLine.trim() === '') {
		throw new InputError(`${file}: the file is empty or its first line is blank; the first line must be the header (${columns.join(', ')}).`);
	}
	const delimiter: Delimiter = detectDelimiter(firstLine) ?? ',';
	const header = (csvRecords(firstLine, delimiter).next().value as CsvRecord).cells.map((name) => name.trim());
	checkHeader(header, file, columns, delimiter);
	return { delimiter, header };
}

function readCsv(pieces: Generator<TextPiece>, file: string, columns: readonly string[], layout?: CsvLayout): Table {
	const first = pieces.next();
	const { delimiter, header } = layout ?? readCsvHeader(first.done ? '' : first.value.text, file, columns);
	const build = rowBuilder(header);
	const table = {
		file,
		decimal: decimalOf(delimiter),
		unreadable: [] as UnreadableRow[],
		count: 0,
		rows: [] as Iterable<Row>,
	};
	table.rows = (function* () {
		if (first.done) return;
		let piece = first.value;
		let records = csvRecords(piece.text, delimiter);
		if (!layout) records.next(); // the header
		for (;;) {
			for (const record of records) {
				table.count++;
				const row = csvRow({ ...record, line: record.line + piece.firstLine - 1 }, header, delimiter, build);
				if ('rule' in row) table.unreadable.push(row);
				else yield row;
			}
			const next = pieces.next();
			if (next.done) return;
			piece = next.value;
			records = csvRecords(piece.text, delimiter);
		}
	})();
	return table;
}

/** A CSV record as a row, or as unreadable when it cannot be split into the header's columns. */
export function csvRow(record: CsvRecord, header: readonly string[], delimiter: Delimiter, build = rowBuilder(header)): Row | UnreadableRow {
	if (record.broken || record.cells.length !== header.length) {
		const detail = record.broken ?? `the row has ${record.cells.length} values, the header has ${header.length}`;
		return { line: record.line, column: '', value: record.cells.join(delimiter), rule: 'malformed_row', detail };
	}
	return { line: record.line, cells: build(record.cells) };
}

/**
 * A function that turns a record's cells into an object keyed by the header.
 * Compiled once per file so that every row object has the same shape.
 */
export function rowBuilder(header: readonly string[]): (cells: string[]) => Cells {
	const body = header.map((name, i) => `${JSON.stringify(name)}: cells[${i}]`).join(', ');
	try {
		return new Function('cells', `return { ${body} };`) as (cells: string[]) => Cells;
	} catch {
		// Where a Content-Security-Policy forbids compiling code (a browser page): the same object, its keys added in
		// the same order, so that every row still shares one shape.
		return (cells) => {
			const row: Cells = {};
			for (let i = 0; i < header.length; i++) row[header[i]!] = cells[i];
			return row;
		};
	}
}

function checkHeader(header: string[], file: string, columns: readonly string[], delimiter: Delimiter) {
	const missing = columns.filter((c) => !header.includes(c));
	const unknown = header.filter((c) => !columns.includes(c));
	const repeated = header.filter((c, i) => header.indexOf(c) !== i);
	const problems = [
		missing.length ? `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
		unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}` : '',
		repeated.length ? `repeated column ${repeated.join(', ')}` : '',
	].filter(Boolean);
	if (problems.length) {
		const hint = header.length === 1 && delimiter === ',' ? ' Is the file separated by something other than , or ;?' : '';
		throw new InputError(`${file}, line 1: ${problems.join('; ')}. Expected the columns ${columns.join(', ')}.${hint}`);
	}
}

function readJsonLines(pieces: Generator<TextPiece>, file: string, columns: readonly string[]): Table {
	const known = new Set(columns);
	const table = {
		file,
		decimal: '.' as const,
		unreadable: [] as UnreadableRow[],
		count: 0,
		rows: [] as Iterable<Row>,
	};
	table.rows = (function* () {
		for (const { text, firstLine } of pieces) {
			let start = 0;
			for (let line = firstLine; start < text.length; line++) {
				let end = text.indexOf('\n', start);
				if (end === -1) end = text.length;
				const row = jsonLineRow(text.slice(start, end), line, known);
				start = end + 1;
				if (row === null) continue;
				table.count++;
				if ('rule' in row) table.unreadable.push(row);
				else yield row;
			}
		}
	})();
	return table;
}

/** One line of a JSON Lines file as a row; null for a blank line, which is not a row. */
export function jsonLineRow(text: string, line: number, known: ReadonlySet<string>): Row | UnreadableRow | null {
	const source = text.trim();
	if (source === '') return null;
	let record: unknown;
	try {
		record = JSON.parse(source);
	} catch (error) {
		// Where it stops, in our words: each JavaScript engine words the error its own way, and the browser's check must say the same as the pipeline.
		const position = /position (\d+)/.exec((error as Error).message)?.[1];
		return { line, column: '', value: source, rule: 'malformed_row', detail: position === undefined ? 'not valid JSON' : `not valid JSON from character ${Number(position) + 1}` };
	}
	if (typeof record !== 'object' || record === null || Array.isArray(record)) {
		return { line, column: '', value: source, rule: 'malformed_row', detail: 'each line must be one JSON object' };
	}
	// JSON.parse keeps the last of a repeated key and says nothing: a record that names a value twice is refused.
	const repeated = mayRepeatKeys(source, record) ? repeatedKey(source) : null;
	if (repeated !== null) return { line, column: repeated, value: source, rule: 'malformed_row', detail: `the key "${repeated}" appears more than once` };
	const cells: Cells = {};
	for (const key in record) {
		const value = (record as Record<string, unknown>)[key];
		if (!known.has(key)) return { line, column: key, value: String(JSON.stringify(value)), rule: 'unknown_column', detail: '' };
		cells[key] = asText(value);
	}
	return { line, cells };
}

/** JSON values become the text a CSV cell would hold; null counts as missing. */
function asText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'not a finite number';
	return JSON.stringify(value);
}

/**
 * Whether a JSON object's text could name a key twice: only if it has more
 * places that look like a key (a quote, maybe spaces, a colon) than the
 * parsed object has keys. A repeated key always adds one; a value or a
 * nested object that looks like one only sends the text to the exact scan.
 * A plain record is answered in one pass of the regular expression engine.
 */
function mayRepeatKeys(source: string, record: object): boolean {
	return (source.match(KEY_LIKE)?.length ?? 0) !== Object.keys(record).length;
}

const KEY_LIKE = /"\s*:/g;

/** The first key that a JSON object's text names twice at its top level, or null. The text is valid JSON. */
function repeatedKey(source: string): string | null {
	const keys = new Set<string>();
	let depth = 0;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '"') {
			// Read the whole string, escapes included; at depth 1, a string followed by a colon is a key.
			let j = i + 1;
			while (source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
			if (depth === 1) {
				let k = j + 1;
				while (source[k] === ' ' || source[k] === '\t' || source[k] === '\n' || source[k] === '\r') k++;
				if (source[k] === ':') {
					const key = JSON.parse(source.slice(i, j + 1)) as string;
					if (keys.has(key)) return key;
					keys.add(key);
				}
			}
			i = j;
		} else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') depth--;
	}
	return null;
}

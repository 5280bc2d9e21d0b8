/**
 * A small RFC 4180 reader that keeps what spreadsheet exports need and DuckDB's
 * CSV reader does not give back: the editor line each record starts on, so a
 * rejected row can be found. Dialect is detected from the header: `,` with
 * decimal points, or `;` with decimal commas.
 */
export type Delimiter = ',' | ';';

export interface CsvRecord {
	/** Line of the record's first character, as an editor shows it (header = 1). */
	line: number;
	cells: string[];
	/** Set when the record could not be split cleanly (an unterminated quote). */
	broken?: string;
}

export function detectDelimiter(headerLine: string): Delimiter | undefined {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (const ch of headerLine) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && ch === ',') commas++;
		else if (!quoted && ch === ';') semicolons++;
	}
	if (commas === 0 && semicolons === 0) return undefined;
	return semicolons > commas ? ';' : ',';
}

/** Yields every non-blank record of a CSV text, header included. */
export function* csvRecords(text: string, delimiter: Delimiter): Generator<CsvRecord> {
	const length = text.length;
	let pos = 0;
	let line = 1;
	// The next quote in the text, found once and reused until passed: searching
	// from every line would scan the rest of a quote-free file again and again.
	let quote = -1;
	while (pos < length) {
		let end = text.indexOf('\n', pos);
		if (end === -1) end = length;
		const rawEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
		if (quote !== length && quote < pos) {
			quote = text.indexOf('"', pos);
			if (quote === -1) quote = length;
		}
		if (quote >= end) {
			// Fast path: no quotes on this line.
			if (rawEnd > pos) yield { line, cells: text.slice(pos, rawEnd).split(delimiter) };
			pos = end + 1;
			line++;
			continue;
		}
		const record = quotedRecord(text, pos, delimiter);
		yield { line, cells: record.cells, ...(record.broken ? { broken: record.broken } : {}) };
		line += record.newlines + 1;
		pos = record.next;
	}
}

function quotedRecord(text: string, start: number, delimiter: Delimiter) {
	const cells: string[] = [];
	let cell = '';
	let pos = start;
	let newlines = 0;
	let broken: string | undefined;
	for (;;) {
		if (text[pos] === '"') {
			// Quoted cell: "" is a literal quote; newlines inside belong to the cell.
			pos++;
			for (;;) {
				const q = text.indexOf('"', pos);
				if (q === -1) {
					broken = 'a quoted value is never closed';
					cell += text.slice(pos);
					pos = text.length;
					break;
				}
				cell += text.slice(pos, q);
				pos = q + 1;
				if (text[pos] === '"') {
					cell += '"';
					pos++;
				} else break;
			}
			for (const ch of cell) if (ch === '\n') newlines++;
			// Anything between the closing quote and the delimiter is kept as text.
			while (pos < text.length && text[pos] !== delimiter && text[pos] !== '\n' && text[pos] !== '\r') {
				cell += text[pos++];
			}
		} else {
			while (pos < text.length && text[pos] !== delimiter && text[pos] !== '\n' && text[pos] !== '\r') {
				if (text[pos] === '"' && !broken) broken = 'a quote appears inside an unquoted value';
				cell += text[pos++];
			}
		}
		cells.push(cell);
		cell = '';
		if (pos >= text.length) return { cells, newlines, next: text.length, broken };
		if (text[pos] === delimiter) {
			pos++;
			continue;
		}
		if (text[pos] === '\r') pos++;
		if (text[pos] === '\n') pos++;
		return { cells, newlines, next: pos, broken };
	}
}

export { csvCell, csvLine } from '../../src/lib/contract/csv.ts';

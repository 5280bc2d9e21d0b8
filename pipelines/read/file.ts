/** A table file on disk: its text in pieces (./pieces.ts) read as a table (./table.ts). */
import { textPieces } from './pieces.ts';
import { readTableFrom, tableKind, type Table } from './table.ts';

/** Reads a table file: CSV by its name, JSON Lines otherwise. */
export function readTable(path: string, shownAs: string, columns: readonly string[], blockBytes?: number): Table {
	const kind = tableKind(path) ?? 'jsonl';
	return readTableFrom(textPieces(path, shownAs, kind === 'csv', blockBytes), kind, shownAs, columns);
}

/** CSV as the project writes it: comma-separated, RFC 4180 quoting, spreadsheet formulas neutralised. */
export type Cell = string | number | null | undefined;

/** Quote a value for CSV output, neutralising spreadsheet formulas (=, +, -, @). */
export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	let text = value;
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: readonly Cell[]) => values.map(csvCell).join(',') + '\n';

/** A whole CSV document: a header line, then a line per row. */
export const toCsv = (columns: readonly string[], rows: readonly (readonly Cell[])[]) => csvLine(columns) + rows.map((row) => csvLine(row)).join('');

/**
 * A view's results travel column by column. They are mostly lists of rows of
 * one shape (a measure per quarter, a unit in a funnel, a fidelity review),
 * and written as objects every row repeats every key: at a hundred times the
 * units the keys were 40-50 % of the data in a page (outcomes 3.2 MB, sites
 * 3.2 MB) and in the build's answers. Written here as the keys once and a
 * list per key, and read back as the same rows.
 *
 * One pair for every way results are written: SvelteKit's transport for the
 * data in a prerendered page (src/hooks.ts), devalue's reducer and reviver
 * for the build's answers (src/routes/answers, ./runtime.svelte.ts).
 */

/** The keys of the rows, then one list per key, in the keys' order. */
export type RowColumns = [keys: string[], ...columns: unknown[][]];

type Row = Record<string, unknown>;

/** Fewer rows than this are written as they are: the keys cost little there. */
const FEWEST_ROWS = 4;

const isPlainObject = (value: unknown): value is Row =>
	typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A list of plain objects with the same keys in the same order, as columns; false for anything else. */
export function encodeRows(value: unknown): RowColumns | false {
	if (!Array.isArray(value) || value.length < FEWEST_ROWS || !isPlainObject(value[0])) return false;
	const keys = Object.keys(value[0]);
	if (keys.length < 2) return false;
	const columns: unknown[][] = keys.map(() => new Array<unknown>(value.length));
	for (let i = 0; i < value.length; i++) {
		const row: unknown = value[i];
		if (!isPlainObject(row)) return false;
		const rowKeys = Object.keys(row);
		if (rowKeys.length !== keys.length) return false;
		for (let k = 0; k < keys.length; k++) {
			if (rowKeys[k] !== keys[k]) return false;
			columns[k]![i] = row[keys[k]!];
		}
	}
	return [keys, ...columns];
}

/** The rows again, each a plain object with its keys in their order. */
export function decodeRows([keys, ...columns]: RowColumns): Row[] {
	const length = columns[0]?.length ?? 0;
	const rows = new Array<Row>(length);
	for (let i = 0; i < length; i++) {
		const row: Row = {};
		for (let k = 0; k < keys.length; k++) row[keys[k]!] = columns[k]![i];
		rows[i] = row;
	}
	return rows;
}

/** devalue's name for rows written as columns. */
export const ROWS = 'Rows';

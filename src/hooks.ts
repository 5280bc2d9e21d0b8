import type { Transport } from '@sveltejs/kit';
import { decodeRows, encodeRows, ROWS, type RowColumns } from '$lib/views/transport';

/** A prerendered page's results are written as columns and read back as rows (src/lib/views/transport.ts). */
export const transport: Transport = {
	[ROWS]: { encode: encodeRows, decode: (columns: RowColumns) => decodeRows(columns) },
};

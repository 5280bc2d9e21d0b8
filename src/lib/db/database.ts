/**
 * One query interface for both engines: DuckDB in Node (build time and
 * tests, src/lib/server/database.ts) and DuckDB-wasm in the browser
 * (./browser.ts). Both hold the published marts as tables of their names,
 * with the shared predicates of $lib/metrics/shared installed as macros.
 */
import type { Params } from './statement';

export interface Database {
	/**
	 * Runs SQL with named parameters (`$region` takes `params.region`), always
	 * bound, and returns plain rows. Queries return DATEs as text and numbers
	 * as DOUBLE.
	 */
	query<Row>(sql: string, params?: Params): Promise<Row[]>;
}

/** A data file that is missing or cannot be read, named for the person who must fix it. */
export class DataError extends Error {
	constructor(
		readonly file: string,
		detail: string,
	) {
		super(`${file}: ${detail}`);
		this.name = 'DataError';
	}
}

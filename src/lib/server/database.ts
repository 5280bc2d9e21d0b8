/**
 * The Node implementation of the query interface ($lib/db/database): DuckDB
 * native, the same engine version as DuckDB-wasm. The site's build runs each
 * view's own queries here to prerender its default state; tests run the
 * measures here on hand-made marts.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { siteMarts, type Profile } from '$lib/contract';
import type { Database } from '$lib/db/database';
import { bind, compile, plainValue, type Params } from '$lib/db/statement';
import { SHARED_STATEMENTS } from '$lib/metrics/shared';

/** A Database over an open connection whose tables are the marts; installs the shared macros. */
export async function nodeDatabase(conn: DuckDBConnection): Promise<Database> {
	for (const statement of SHARED_STATEMENTS) await conn.run(statement);
	// One statement at a time on the connection (it runs none side by side), as in the browser.
	let queue: Promise<unknown> = Promise.resolve();
	return {
		query<Row>(sql: string, params: Params = {}) {
			const run = queue.then(async () => {
				const statement = compile(sql);
				const reader = await conn.runAndReadAll(statement.text, bind(statement, params) as DuckDBValue[]);
				const names = reader.columnNames();
				return reader.getRowsJS().map((row) => Object.fromEntries(names.map((name, i) => [name, plainValue(row[i])])) as Row);
			});
			queue = run.catch(() => undefined);
			return run;
		},
	};
}

/** The marts the site reads of a build of the profile in `dir`, as the browser has them: from their Parquet files, as tables of their names. */
export async function martsDatabase(dir: string, profile: Profile = 'internal'): Promise<Database> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const name of siteMarts(profile)) {
		await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(dir, `${name}.parquet`).replaceAll("'", "''")}')`);
	}
	return nodeDatabase(conn);
}

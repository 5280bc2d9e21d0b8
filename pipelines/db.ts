/**
 * DuckDB (native) for the pipeline: one in-memory database per run, typed bulk
 * loading through the appender, and SQL files read from pipelines/sql.
 */
import { readFileSync } from 'node:fs';
import {
	BOOLEAN,
	DATE,
	DOUBLE,
	DuckDBConnection,
	DuckDBDataChunk,
	DuckDBInstance,
	INTEGER,
	VARCHAR,
	dateValue,
	type DuckDBType,
	type DuckDBValue,
} from '@duckdb/node-api';

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

const DUCK_TYPES: Record<ColumnType, DuckDBType> = { VARCHAR, INTEGER, DOUBLE, DATE, BOOLEAN };

export type Schema = Readonly<Record<string, ColumnType>>;

/**
 * The run's database, in memory up to a limit and spilling to `spillDir`
 * past it, so that its memory does not grow with the size of its files
 * (npm run bench:pipeline -- --hostile: one file of 300 MB of reports).
 */
export async function openDatabase(spillDir?: string): Promise<DuckDBConnection> {
	const instance = await DuckDBInstance.create(':memory:', {
		threads: '2',
		memory_limit: MEMORY_LIMIT,
		...(spillDir ? { temp_directory: spillDir } : {}),
	});
	return instance.connect();
}

/**
 * A gigabyte: under 384 MB, DuckDB 1.4.3 stopped with an internal error
 * ("Attempted to dereference unique_ptr that is NULL!") in 7 of 10 runs at
 * a hundred times the units, while resolving revisions with most of the
 * reports spilled; with a gigabyte, 11 runs of 11 passed.
 */
const MEMORY_LIMIT = '1GB';

export const sqlFile = (name: string) => readFileSync(new URL(`./sql/${name}.sql`, import.meta.url), 'utf8');

const CHUNK = 2048;

/**
 * Appends rows in chunks. DATE values are day numbers (days since 1970-01-01).
 * Create the table first with `createTable`.
 */
export class TableLoader<Row extends Record<string, unknown>> {
	private readonly names: string[];
	private readonly types: DuckDBType[];
	private readonly isDate: boolean[];
	private buffer: Row[] = [];

	private constructor(private readonly appender: Awaited<ReturnType<DuckDBConnection['createAppender']>>, schema: Schema) {
		this.names = Object.keys(schema);
		this.types = this.names.map((name) => DUCK_TYPES[schema[name]!]);
		this.isDate = this.names.map((name) => schema[name] === 'DATE');
	}

	static async open<Row extends Record<string, unknown>>(conn: DuckDBConnection, table: string, schema: Schema) {
		const columns = Object.entries(schema).map(([name, type]) => `"${name}" ${type}`);
		await conn.run(`CREATE OR REPLACE TABLE ${table} (${columns.join(', ')})`);
		return new TableLoader<Row>(await conn.createAppender(table), schema);
	}

	add(row: Row) {
		this.buffer.push(row);
		if (this.buffer.length === CHUNK) this.flushChunk();
	}

	private flushChunk() {
		const rows = this.buffer;
		if (rows.length === 0) return;
		const columns = this.names.map((name, c) => {
			const values = new Array<DuckDBValue>(rows.length);
			const date = this.isDate[c];
			for (let r = 0; r < rows.length; r++) {
				const value = rows[r]![name] as number | string | boolean | null | undefined;
				values[r] = value === null || value === undefined ? null : date ? dateValue(value as number) : value;
			}
			return values;
		});
		const chunk = DuckDBDataChunk.create(this.types, rows.length);
		chunk.setColumns(columns);
		this.appender.appendDataChunk(chunk);
		this.buffer = [];
	}

	close() {
		this.flushChunk();
		this.appender.closeSync();
	}
}

export async function loadTable<Row extends Record<string, unknown>>(
	conn: DuckDBConnection,
	table: string,
	schema: Schema,
	rows: Iterable<Row>,
) {
	const loader = await TableLoader.open<Row>(conn, table, schema);
	for (const row of rows) loader.add(row);
	loader.close();
}

/**
 * The browser's database: one DuckDB-wasm instance in a Web Worker, started
 * once (the first caller starts it, everyone shares the promise), with the
 * published marts loaded from Arrow IPC. Its bundles are served by the site
 * itself. Queries take bound parameters only.
 */
import { base } from '$app/paths';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { AsyncDuckDBConnection, AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import { MART_NAMES, manifestSchema, type Manifest } from './manifest';

export interface Database {
	manifest: Manifest;
	/** Runs SQL with bound parameters ($1, $2, …) and returns plain rows. */
	query<Row>(sql: string, params: readonly (string | number | null)[]): Promise<Row[]>;
	/** Prepares a statement ahead of its first use. */
	prepare(sql: string): Promise<void>;
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

let opened: Promise<Database> | undefined;

export function database(): Promise<Database> {
	opened ??= open();
	return opened;
}

async function fetchData(name: string): Promise<Response> {
	const response = await fetch(`${base}/data/${name}`).catch((error: unknown) => {
		throw new DataError(`data/${name}`, String(error));
	});
	if (!response.ok) throw new DataError(`data/${name}`, `HTTP ${response.status}`);
	return response;
}

async function open(): Promise<Database> {
	const duckdb = await import('@duckdb/duckdb-wasm');
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker },
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	const manifestRequest = fetchData('manifest.json').then(async (response) => {
		const parsed = manifestSchema.safeParse(await response.json().catch(() => null));
		if (!parsed.success) throw new DataError('data/manifest.json', 'not a manifest of schema version 1');
		return parsed.data;
	});
	const martRequests = MART_NAMES.map((name) => fetchData(`${name}.arrow`).then(async (r) => new Uint8Array(await r.arrayBuffer())));

	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	const conn = await db.connect();
	// Every statement orders its own result; not keeping row order in between
	// made the overview a tenth faster in DuckDB-wasm.
	await conn.query('SET preserve_insertion_order = false');
	const manifest = await manifestRequest;
	for (const [i, request] of martRequests.entries()) {
		const name = MART_NAMES[i]!;
		try {
			await conn.insertArrowFromIPCStream(await request, { name, create: true });
		} catch (error) {
			throw error instanceof DataError ? error : new DataError(`data/${name}.arrow`, `not a readable Arrow IPC stream (${String(error)})`);
		}
	}
	return { manifest, ...statementsOn(conn) };
}

function statementsOn(conn: AsyncDuckDBConnection) {
	const statements = new Map<string, Promise<AsyncPreparedStatement>>();
	// One request at a time on the one connection: results arrive in order.
	let queue: Promise<unknown> = Promise.resolve();
	const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
		const run = queue.then(work);
		queue = run.catch(() => undefined);
		return run;
	};
	const statement = (sql: string) => {
		let prepared = statements.get(sql);
		if (!prepared) {
			prepared = conn.prepare(sql);
			statements.set(sql, prepared);
		}
		return prepared;
	};
	return {
		prepare: (sql: string) => enqueue(async () => void (await statement(sql))),
		query: <Row>(sql: string, params: readonly (string | number | null)[]) =>
			enqueue(async () => {
				const table = await (await statement(sql)).query(...params);
				return table.toArray().map((row) => row.toJSON() as Row);
			}),
	};
}

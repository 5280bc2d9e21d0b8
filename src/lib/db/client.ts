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
	const manifest = await manifestRequest;
	for (const [i, request] of martRequests.entries()) {
		const name = MART_NAMES[i]!;
		try {
			await conn.insertArrowFromIPCStream(await request, { name, create: true });
		} catch (error) {
			throw error instanceof DataError ? error : new DataError(`data/${name}.arrow`, `not a readable Arrow IPC stream (${String(error)})`);
		}
	}
	return { manifest, query: queryWith(conn) };
}

function queryWith(conn: AsyncDuckDBConnection) {
	const statements = new Map<string, Promise<AsyncPreparedStatement>>();
	// One query at a time on the one connection: results arrive in order.
	let queue: Promise<unknown> = Promise.resolve();
	return <Row>(sql: string, params: readonly (string | number | null)[]): Promise<Row[]> => {
		const run = queue.then(async () => {
			let statement = statements.get(sql);
			if (!statement) {
				statement = conn.prepare(sql);
				statements.set(sql, statement);
			}
			const table = await (await statement).query(...params);
			return table.toArray().map((row) => row.toJSON() as Row);
		});
		queue = run.catch(() => undefined);
		return run;
	};
}

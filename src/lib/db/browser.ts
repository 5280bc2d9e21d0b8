/**
 * The browser implementation of the query interface (./database.ts): one
 * DuckDB-wasm instance in a Web Worker, started once (the first caller starts
 * it, everyone shares the promise), with the published marts loaded from
 * Arrow IPC and the shared macros installed. Its bundles are served by the
 * site itself.
 */
import { base } from '$app/paths';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { manifestSchema, partsFor, siteMarts, type FileFacts, type Manifest, type MartFacts, type UnitKey } from '$lib/contract';
import { SHARED_STATEMENTS } from '$lib/metrics/shared';
import { DataError, type Database } from './database';
import { type Params } from './statement';
import { queryOn, statementResults } from './connection';

export interface BrowserDatabase extends Database {
	manifest: Manifest;
	/** Runs statements that return nothing (several at once, a script), in turn with the queries. */
	run(sql: string): Promise<void>;
	/** Loads every published mart now, not when a statement first names it: for a page that must work on with the network cut. */
	loadAll(): Promise<void>;
	/** A table of that name, in place of any before it, from an Arrow table: a reader's own rows, held in this tab and never sent. */
	insertTable(name: string, table: Table): Promise<void>;
	/**
	 * Another connection whose tables of `schema` come before the published ones of the same name: the same
	 * queries, on a reader's own aggregates (src/lib/check/ownUnit.ts). What it creates goes into `schema`.
	 */
	inSchema(schema: string): Promise<Database & Pick<BrowserDatabase, 'run'>>;
	/**
	 * The same engine for warming it up: a statement that needs a part of
	 * units' rows not fetched yet is refused (PartsNotFetched) rather than
	 * fetching it, so that warming never fetches units' rows the reader did
	 * not ask for (at a hundred times the units, 12.9 MB of unit_quarter);
	 * a mart's cube cells it fetches as a whole mart.
	 */
	warming: Database;
}

/**
 * How long DuckDB-wasm works on a statement computed ahead before it looks
 * for a request to stop it: the longest a reader's change waits for one.
 */
const POLL_MS = 5;

/** A statement run to warm the engine up needed units' rows that no reader's statement has fetched. */
class PartsNotFetched extends Error {}

let opened: Promise<BrowserDatabase> | undefined;

export function database(): Promise<BrowserDatabase> {
	opened ??= open();
	return opened;
}

/** A published data file, fetched from the site itself. */
export async function fetchData(name: string): Promise<Response> {
	const response = await fetch(`${base}/data/${name}`).catch((error: unknown) => {
		throw new DataError(`data/${name}`, String(error));
	});
	if (!response.ok) throw new DataError(`data/${name}`, `HTTP ${response.status}`);
	return response;
}

async function open(): Promise<BrowserDatabase> {
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
	// Seen as handled here: a bad manifest is reported when the engine is asked for, not as an unhandled rejection before.
	manifestRequest.catch(() => {});

	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	// A statement computed ahead returns to the worker every POLL_MS, where a reader's request can stop it (queryOn).
	await db.open({ query: { queryPollingInterval: POLL_MS } });
	const conn = await db.connect();
	// Every statement orders its own result; not keeping row order in between
	// made the overview a tenth faster in DuckDB-wasm.
	await conn.query('SET preserve_insertion_order = false');
	const manifest = await manifestRequest;
	const results = statementResults();
	const { query, enqueue, change } = queryOn(conn, results, 'main');
	const { ready, loadAll, fetched } = onDemand(manifest, enqueue, conn);
	const schemas = new Map<string, ReturnType<typeof connectInSchema>>();
	return {
		manifest,
		loadAll,
		query: async (sql, params) => (await ready(sql, params), query(sql, params)),
		warming: {
			query: async (sql, params) => {
				if (!(await fetched(sql, params))) throw new PartsNotFetched();
				// Behind every reader's statement not yet begun (./lanes.ts).
				return (await ready(sql, params), query(sql, params, 'ahead'));
			},
		},
		run: async (sql) => (await ready(sql), change(async () => void (await conn.query(sql)))),
		insertTable: (name, table) =>
			change(async () => {
				await conn.query(`DROP TABLE IF EXISTS ${name}`);
				await conn.insertArrowTable(table, { name, create: true });
			}),
		inSchema: (schema) => {
			let scoped = schemas.get(schema);
			if (!scoped) {
				scoped = connectInSchema(schema);
				schemas.set(schema, scoped);
			}
			return scoped;
		},
	};

	async function connectInSchema(schema: string) {
		if (!/^[a-z_]+$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
		await change(() => conn.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
		const scoped = await db.connect();
		// A session setting: this connection alone looks in the schema first, creates there, and binds macros there.
		await scoped.query(`SET search_path = '${schema},main'`);
		await scoped.query('SET preserve_insertion_order = false');
		const { query, change: changeScoped } = queryOn(scoped, results, schema);
		// The published marts it reads are loaded as for the main connection (an unqualified name it shadows with its own is loaded too: harmless).
		return {
			query: async <Row>(sql: string, params?: Params) => (await ready(sql, params), query<Row>(sql, params)),
			run: async (sql: string) => (await ready(sql), changeScoped(async () => void (await scoped.query(sql)))),
		};
	}
}

/** A mart published in parts, as the manifest lists it; one of its files. */
type PartedMart = Extract<MartFacts, { parts: unknown }>;
type MartFile = FileFacts & { file: string };

/**
 * Loads what a statement reads the first time one names it: a published mart
 * the site reads (siteMarts: fetched, checked against the manifest, and
 * inserted), or a shared macro (installed once the marts its body names
 * are; DuckDB binds a table macro's body when it is created). Unlike the
 * engine's start, this fetching waits for the first statement: a page's
 * first engine answer pays for its marts. A page thus fetches only the marts its own
 * queries read: a change that names no unit never waits for the units'.
 * A mart published in parts (src/lib/contract/parts.ts) is fetched a part
 * at a time, only the parts the statement's filters need: its unit's part
 * (the unit's region read from `units`), its region's, or all of them, and
 * a mart's cube cells, where it has them, always; the table holds the parts
 * fetched so far.
 * Each is fetched once, whoever asks; the inserts take their turn on the
 * connection with the queries.
 */
function onDemand(manifest: Manifest, enqueue: <T>(work: () => Promise<T>) => Promise<T>, conn: AsyncDuckDBConnection) {
	// A name alone or in main: a table of another schema (own.unit_quarter, a reader's own) is not the published one.
	const named = (names: readonly string[]) => names.map((name) => ({ name, pattern: new RegExp(`(?<![\\w.])${name}\\b|\\bmain\\.${name}\\b`) }));
	const marts = named(siteMarts(manifest.profile));
	const statementOf = new Map(SHARED_STATEMENTS.map((statement) => [/MACRO (\w+)\(/.exec(statement)![1]!, statement]));
	const macros = named([...statementOf.keys()]);
	const loads = new Map<string, Promise<void>>();
	const created = new Set<string>();

	/** The marts and macros a statement names (its comments left out). */
	const needsOf = (sql: string, self?: string) => {
		const code = sql.replace(/--[^\n]*/g, '');
		return [...marts, ...macros].filter(({ name, pattern }) => name !== self && pattern.test(code)).map(({ name }) => name);
	};
	/** Fetches once, whoever asks: a mart or one of its parts (by its file), or a macro (by its name). */
	const once = (key: string, work: () => Promise<void>): Promise<void> => {
		let loading = loads.get(key);
		if (!loading) loads.set(key, (loading = work()));
		return loading;
	};
	const load = (name: string, params?: Params): Promise<void> => {
		const facts = manifest.marts[name];
		if (facts && 'parts' in facts) return loadParts(name, facts, params);
		const macro = statementOf.get(name);
		return once(name, () => (macro === undefined ? loadFile(name, `${name}.arrow`, facts && 'arrow' in facts ? facts.arrow : undefined) : ready(macro, undefined, name).then(() => enqueue(async () => void (await conn.query(macro))))));
	};
	/** The files of a mart in parts that a statement bound with `params` reads (all of them without params): its cells, and the units' parts it needs. */
	const chosenParts = async (facts: PartedMart, params?: Params): Promise<MartFile[]> => {
		const cells = facts.cells ? [facts.cells] : [];
		if (!params) return [...cells, ...facts.parts];
		const unit = typeof params.unit === 'string' ? await unitKey(params.unit) : null;
		const chosen = [...cells, ...partsFor(facts.parts, { region: typeof params.region === 'string' ? params.region : null, unit }, facts.cells ? 'cells' : 'units')];
		// The table must exist for the statement to bind, even where no part holds a chosen unit.
		return chosen.length ? chosen : facts.parts.slice(0, 1);
	};
	const loadParts = async (name: string, facts: PartedMart, params?: Params) =>
		void (await Promise.all((await chosenParts(facts, params)).map((part) => once(part.file, () => loadFile(name, part.file, part)))));
	/** Whether every part of units a statement reads has been fetched, or is being (a mart's cells are the cube's, which do not grow with the units). */
	const fetched = async (sql: string, params?: Params) => {
		for (const name of needsOf(sql)) {
			const facts = manifest.marts[name];
			if (facts && 'parts' in facts && (await chosenParts(facts, params)).some((part) => part !== facts.cells && !loads.has(part.file))) return false;
		}
		return true;
	};
	/** A unit's place in the order of parts, from its region in `units` (looked up once a unit); null for a unit not published. */
	const unitKeys = new Map<string, Promise<UnitKey | null>>();
	const unitKey = (unit: string): Promise<UnitKey | null> => {
		let key = unitKeys.get(unit);
		if (!key) {
			key = load('units').then(async () => {
				const rows = await enqueue(async () => (await conn.query(`SELECT region_code FROM units WHERE unit_id = '${unit.replaceAll("'", "''")}'`)).toArray());
				const region = rows[0]?.region_code as string | undefined;
				return region === undefined ? null : [region, unit];
			});
			unitKeys.set(unit, key);
		}
		return key;
	};
	/** Fetches a file of a mart, checks it against the manifest and inserts its rows (the first of a mart's parts makes its table). */
	const loadFile = async (name: string, file: string, expected: FileFacts | undefined) => {
		const bytes = new Uint8Array(await (await fetchData(file)).arrayBuffer());
		await checkAgainstManifest(file, bytes, expected);
		await enqueue(async () => {
			try {
				await conn.insertArrowFromIPCStream(bytes, { name, create: !created.has(name) });
				created.add(name);
			} catch (error) {
				throw new DataError(`data/${file}`, `not a readable Arrow IPC stream (${String(error)})`);
			}
		});
	};
	const ready = async (sql: string, params?: Params, self?: string) => void (await Promise.all(needsOf(sql, self).map((name) => load(name, params))));
	const loadAll = async () => void (await Promise.all([...marts, ...macros].map(({ name }) => load(name))));
	return { ready, loadAll, fetched };
}

/**
 * A mart must be the one the manifest describes: the same size and SHA-256.
 * A file from another run, or one cut short, is named, never loaded. (Web
 * Crypto exists only in a secure context: served over plain HTTP from another
 * host than localhost, the size alone is checked.)
 */
async function checkAgainstManifest(file: string, bytes: Uint8Array, expected: FileFacts | undefined) {
	const fix = 'it does not belong to this manifest.json (from another run, or damaged in copying): publish again with npm run data';
	if (!expected) throw new DataError(`data/${file}`, `manifest.json does not list it: publish again with npm run data`);
	if (bytes.length !== expected.bytes) throw new DataError(`data/${file}`, `${bytes.length} bytes where manifest.json says ${expected.bytes}; ${fix}`);
	if (!globalThis.crypto?.subtle) return;
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
	const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
	if (hex !== expected.sha256) throw new DataError(`data/${file}`, `its SHA-256 differs from manifest.json; ${fix}`);
}

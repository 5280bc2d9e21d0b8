/**
 * Statements on one DuckDB-wasm connection (./browser.ts): prepared once per
 * text, run one at a time in the reader's lane or the lane ahead
 * (./lanes.ts), their results read a column at a time (./columns.ts) and
 * kept for asking again.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { memo } from '$lib/memo';
import { bind, compile, withLiterals, type Param, type Params, type Statement } from './statement';
import { columnValues } from './columns';
import { lanes, type Lane } from './lanes';

/**
 * The values (rows times columns) of statements' results kept for asking
 * again, about 13 MB at the 52 bytes a value of a row object takes: a
 * whole-country window of units at a hundred times the units is 8,734 rows
 * of 15 columns, an overview state 46 quarters of 85. Counted in rows, the
 * overview's 80-odd states ahead kept 27 MB more heap than without them.
 */
const RESULT_VALUES = 250_000;

/**
 * Statements' results kept by connection, text and bound values, for every
 * connection of the engine: a change often asks again what the state before
 * it asked (a `from` quarter changes neither the funnels' window nor a
 * waitlist's growth, so those statements over every unit are not run
 * again), and states computed ahead share theirs. The published tables
 * never change once loaded (a part of a mart is fetched before any statement
 * that reads it runs), so a result holds until a statement on any connection
 * changes a table (a reader's own rows, checked in this tab). Results are
 * frozen: they are shared.
 */
export const statementResults = () => memo<readonly object[]>(RESULT_VALUES, (rows) => rows.length * Object.keys(rows[0] ?? {}).length + 1);

/**
 * Statements in turn on a connection, their results kept (statementResults):
 * a result asked for again is answered without waiting its turn behind the
 * statements running.
 */
export function queryOn(conn: Connection, results: ReturnType<typeof statementResults>, connection: string) {
	const prepared = new Map<string, Promise<{ query(...values: Param[]): Promise<Table> }>>();
	const enqueue = lanes();
	const run = async <Row>(text: string, values: Param[]): Promise<Row[]> => {
		let ready = prepared.get(text);
		if (!ready) {
			ready = conn.prepare(text);
			prepared.set(text, ready);
		}
		return rowsOf<Row>(await (await ready).query(...values));
	};
	/** The statements ahead not yet done, by key: whether one runs, whether a reader waits for it, and a reader's run that took its place. */
	const aheadOf = new Map<string, { running: boolean; wanted: boolean; taken: Promise<unknown> | null }>();
	/**
	 * A statement computed ahead of the reader, which gives way to a reader's
	 * request that comes while it runs (./lanes.ts): sent as text with its
	 * values written in (a prepared statement cannot be stopped), polled by
	 * DuckDB-wasm every few milliseconds (POLL_MS, ./browser.ts), stopped
	 * when asked to, and queued again behind the reader's requests. So a
	 * reader's change waits a poll, not the whole statement (50-150 ms over
	 * every unit at a hundred times the units); the statement is planned
	 * anew each time it runs, a few milliseconds. A reader who asks for the same statement meanwhile is
	 * never kept behind it (`query`): while it runs it is no longer stopped;
	 * while it waits, the reader's own run in the reader's lane takes its
	 * place, and it gives that run's result.
	 */
	const ahead = async <Row>(key: string, statement: Statement, values: Param[]): Promise<Row[]> => {
		const entry = { running: false, wanted: false, taken: null as Promise<unknown> | null };
		aheadOf.set(key, entry);
		const taken = Symbol('taken');
		try {
			for (;;) {
				let stopped = false;
				const stop = () => {
					if (entry.wanted) return;
					stopped = true;
					void conn.cancelSent();
				};
				try {
					const rows = await enqueue(
						async () => {
							// Never waits here for the reader's run: it needs this lane.
							if (entry.taken) return taken;
							entry.running = true;
							try {
								return rowsOf<Row>(await tableFromIPC(await conn.send(withLiterals(statement, values))));
							} finally {
								entry.running = false;
							}
						},
						'ahead',
						stop,
					);
					return rows === taken ? ((await entry.taken) as Row[]) : (rows as Row[]);
				} catch (error) {
					if (!stopped) throw error;
					if (entry.taken) return (await entry.taken) as Row[];
				}
			}
		} finally {
			if (aheadOf.get(key) === entry) aheadOf.delete(key);
		}
	};
	function rowsOf<Row>(table: Table): Row[] {
		const names = table.schema.fields.map((f) => f.name);
		// Each column read whole (text a batch at a time, ./columns.ts), not a value at a time by index: the
		// 8,734 rows of a whole-country funnel at a hundred times the units, 5 ms instead of 23.
		const columns = names.map((name) => columnValues(table.getChild(name)!));
		const rows = new Array<Row>(table.numRows);
		for (let i = 0; i < rows.length; i++) {
			const row: Record<string, unknown> = {};
			for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![i];
			rows[i] = row as Row;
		}
		return Object.freeze(rows) as Row[];
	}
	const query = <Row>(sql: string, params: Params = {}, lane: Lane = 'reader'): Promise<Row[]> => {
		const statement = compile(sql);
		const values = bind(statement, params);
		const key = `${connection}\u0000${statement.text}\u0000${JSON.stringify(values)}`;
		const pending = lane === 'reader' ? aheadOf.get(key) : undefined;
		if (pending?.running) pending.wanted = true;
		else if (pending && !pending.taken) {
			// Waiting in the lane ahead, perhaps behind other statements ahead: the reader's own run takes its place.
			const own = enqueue(() => run<object>(statement.text, values));
			pending.taken = own;
			results.forget(key);
			return results.get(key, () => own) as Promise<Row[]>;
		}
		return results.get(key, () => (lane === 'ahead' ? ahead(key, statement, values) : enqueue(() => run(statement.text, values)))) as Promise<Row[]>;
	};
	/** Statements that change tables: every result kept is forgotten once they have run. */
	const change = <T>(work: () => Promise<T>): Promise<T> => enqueue(work).finally(results.clear);
	return { query, enqueue, change };
}

/** What queryOn uses of a DuckDB-wasm connection. */
export type Connection = Pick<AsyncDuckDBConnection, 'prepare' | 'send' | 'cancelSent'>;

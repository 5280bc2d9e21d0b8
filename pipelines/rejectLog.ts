/**
 * Every reject of a run, written as it comes into a DuckDB table rather than
 * held in memory: a file whose every line is bad (millions of rejects) costs
 * the table, not the JavaScript heap. The report, the summary, the published
 * counts and the accounting are read back from it in position order (file,
 * line, column, then the order the rejects came in).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { TableLoader } from './db.ts';
import { csvLine } from './read/csv.ts';
import { REJECT_COLUMNS, REJECTS_SUMMARY_COLUMNS, type Reject } from './rejects.ts';
import type { Rule } from './schema/index.ts';

type Stored = Reject & { seq: number } & Record<string, unknown>;

const POSITION = `file, line, "column", seq`;

export class RejectLog {
	#loader: TableLoader<Stored>;
	#conn: DuckDBConnection;
	#seq = 0;
	#open = true;

	private constructor(conn: DuckDBConnection, loader: TableLoader<Stored>) {
		this.#conn = conn;
		this.#loader = loader;
	}

	static async open(conn: DuckDBConnection): Promise<RejectLog> {
		const loader = await TableLoader.open<Stored>(conn, 'run_rejects', {
			seq: 'INTEGER', file: 'VARCHAR', line: 'INTEGER', column: 'VARCHAR', value: 'VARCHAR', rule: 'VARCHAR', message: 'VARCHAR',
		});
		return new RejectLog(conn, loader);
	}

	/** Takes rejects as an array takes items, so the validators can write into the log directly. */
	push(...rejects: Reject[]) {
		this.add(rejects);
	}

	add(rejects: readonly Reject[]) {
		if (!this.#open) throw new Error('the reject log is closed');
		for (const r of rejects) this.#loader.add({ ...r, seq: this.#seq++ });
	}

	/** No more rejects: what follows reads them back. */
	close() {
		if (!this.#open) return;
		this.#loader.close();
		this.#open = false;
	}

	async #rows<Row>(sql: string): Promise<Row[]> {
		this.close();
		const reader = await this.#conn.runAndReadAll(sql);
		const names = reader.columnNames();
		return reader.getRowsJS().map((row) => Object.fromEntries(names.map((name, i) => [name, typeof row[i] === 'bigint' ? Number(row[i]) : row[i]])) as Row);
	}

	/** Problems, and rows with at least one. */
	async counts(): Promise<{ problems: number; rows: number }> {
		const [counts] = await this.#rows<{ problems: number; rows: number }>(
			`SELECT count(*) AS problems, count(DISTINCT (file, line)) AS rows FROM run_rejects`,
		);
		return counts!;
	}

	/** Per rule: the rows it rejected, and the first three of them by position. */
	async byRule(): Promise<Partial<Record<Rule, { rows: number; examples: Reject[] }>>> {
		const rows = await this.#rows<Stored & { rows: number; rank: number }>(`
			WITH first_per_row AS (
				SELECT * FROM run_rejects QUALIFY row_number() OVER (PARTITION BY rule, file, line ORDER BY ${POSITION}) = 1
			)
			SELECT *, count(*) OVER (PARTITION BY rule) AS rows, row_number() OVER (PARTITION BY rule ORDER BY ${POSITION}) AS rank
			FROM first_per_row QUALIFY rank <= 3 ORDER BY rule, rank`);
		const byRule: Partial<Record<Rule, { rows: number; examples: Reject[] }>> = {};
		for (const { seq: _seq, rows: count, rank: _rank, ...example } of rows) {
			(byRule[example.rule] ??= { rows: count, examples: [] }).examples.push(example);
		}
		return byRule;
	}

	/** Rows with a problem, per file. */
	async rejectedLines(): Promise<Map<string, number>> {
		const rows = await this.#rows<{ file: string; lines: number }>(`SELECT file, count(DISTINCT line) AS lines FROM run_rejects GROUP BY file`);
		return new Map(rows.map((r) => [r.file, r.lines]));
	}

	/** The full report, line by line into a temporary file renamed into place: whole or absent. */
	async writeCsv(path: string) {
		this.close();
		const temporary = `${path}.tmp-${process.pid}`;
		const fd = openSync(temporary, 'w');
		try {
			writeSync(fd, csvLine(REJECT_COLUMNS));
			const result = await this.#conn.stream(`SELECT file, line, "column", value, rule, message FROM run_rejects ORDER BY ${POSITION}`);
			for await (const rows of result.yieldRowsJs()) writeSync(fd, rows.map((r) => csvLine(r as (string | number)[])).join(''));
		} catch (error) {
			closeSync(fd);
			rmSync(temporary, { force: true });
			throw error;
		}
		closeSync(fd);
		renameSync(temporary, path);
	}

	/** The published summary: counts by file, rule and column, with no value of any line (a bad line may hold a pseudonym). */
	async summaryCsv(): Promise<string> {
		const rows = await this.#rows<{ file: string; rule: string; column: string; problems: number }>(
			`SELECT file, rule, "column", count(*) AS problems FROM run_rejects GROUP BY ALL ORDER BY file, rule, "column"`,
		);
		return csvLine(REJECTS_SUMMARY_COLUMNS) + rows.map((r) => csvLine([r.file, r.rule, r.column, r.problems])).join('');
	}
}

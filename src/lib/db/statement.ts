/**
 * SQL with named parameters. Queries are written with `$name` placeholders
 * and run with an object of values: `$region` takes `params.region`. Both
 * engines get the same positional form ($1, $2, …), compiled once per text,
 * so a value is bound, not spliced into the SQL; the one exception, a
 * statement computed ahead of the reader, has its values quoted by
 * withLiterals.
 */
export type Param = string | number | boolean | null;
export type Params = Readonly<Record<string, Param>>;

export interface Statement {
	/** The SQL with positional placeholders. */
	text: string;
	/** The parameter name behind each position. */
	names: readonly string[];
}

const compiled = new Map<string, Statement>();

/** Compiles `$name` placeholders (outside strings, quoted names and comments) to positions. */
export function compile(sql: string): Statement {
	let statement = compiled.get(sql);
	if (statement) return statement;
	const names: string[] = [];
	// Strings, quoted identifiers and comments are copied as they are; only bare $name is a parameter.
	const text = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$([A-Za-z_]\w*)/g, (match, name?: string) => {
		if (!name) return match;
		let position = names.indexOf(name);
		if (position < 0) position = names.push(name) - 1;
		return `$${position + 1}`;
	});
	statement = { text, names };
	compiled.set(sql, statement);
	return statement;
}

/** The values of a statement's parameters, in position order. A parameter the caller did not give is an error, not a NULL. */
export function bind(statement: Statement, params: Params): Param[] {
	return statement.names.map((name) => {
		if (!(name in params)) throw new Error(`query parameter $${name} has no value`);
		return params[name]!;
	});
}

/**
 * A compiled statement's text with its values written in as SQL literals,
 * each of the type DuckDB-wasm binds it as (a string as VARCHAR, any
 * number as DOUBLE, null untyped). Only for the statements computed ahead of
 * the reader (./connection.ts): DuckDB-wasm can stop a query sent as text,
 * never a prepared one. A string is quoted here, its quotes doubled; the
 * values are the filters', already checked against their choices.
 */
export function withLiterals(statement: Statement, values: readonly Param[]): string {
	const literal = (value: Param): string => {
		if (value === null) return 'NULL';
		if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
		if (typeof value === 'number') {
			if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
			return `${value}::DOUBLE`;
		}
		return `'${value.replaceAll("'", "''")}'::VARCHAR`;
	};
	return statement.text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$(\d+)/g, (match, position?: string) => {
		if (!position) return match;
		const at = Number(position) - 1;
		if (!(at in values)) throw new Error(`query parameter $${statement.names[at] ?? position} has no value`);
		return literal(values[at]!);
	});
}

/** Turns what an engine returns into plain JSON values: BIGINT and DECIMAL as numbers, DATE as YYYY-MM-DD. */
export function plainValue(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return value;
}

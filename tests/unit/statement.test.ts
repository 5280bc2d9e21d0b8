/**
 * A statement's values written in as literals (withLiterals), for the
 * statements computed ahead of the reader, which DuckDB-wasm can stop only
 * when sent as text: the same answer as the values bound, on DuckDB.
 */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { bind, compile, withLiterals } from '$lib/db/statement';

describe('values written in as literals', () => {
	const sql = `-- $region in a comment stays
SELECT typeof($region) AS region_type, $region AS region, $first::DATE AS first, $unit IS NULL AS no_unit,
    typeof($share) AS share_type, $share * 2 AS twice, $whole + 1 AS next, $on AND TRUE AS on, '$region and $1' AS text, $region = $name AS same`;
	const params = { region: "O'Brien's", first: '2024-01-01', unit: null, share: 0.25, whole: 3, on: true, name: 'x' };

	it('quotes strings (their quotes doubled), writes numbers as DOUBLE, null and booleans as SQL, and leaves strings and comments alone', () => {
		const statement = compile(sql);
		const text = withLiterals(statement, bind(statement, params));
		expect(text).toContain(`typeof('O''Brien''s'::VARCHAR) AS region_type`);
		expect(text).toContain(`'2024-01-01'::VARCHAR::DATE AS first, NULL IS NULL AS no_unit`);
		expect(text).toContain(`0.25::DOUBLE * 2 AS twice, 3::DOUBLE + 1 AS next, TRUE AND TRUE AS on, '$region and $1' AS text`);
		expect(text.startsWith('-- $region in a comment stays\n')).toBe(true);
		expect(() => withLiterals(statement, [])).toThrow('query parameter $region has no value');
		expect(() => withLiterals(statement, bind(statement, { ...params, share: Number.NaN }))).toThrow('not a finite number');
	});

	it('gives DuckDB the same row as the values bound, and ten parameters or more keep their places', async () => {
		const conn = await (await DuckDBInstance.create(':memory:')).connect();
		const statement = compile(sql);
		const literal = (await conn.runAndReadAll(withLiterals(statement, bind(statement, params)))).getRowObjectsJS();
		expect(literal).toEqual([
			{ region_type: 'VARCHAR', region: "O'Brien's", first: new Date(Date.UTC(2024, 0, 1)), no_unit: true, share_type: 'DOUBLE', twice: 0.5, next: 4, on: true, text: '$region and $1', same: false },
		]);
		const bound = (await conn.runAndReadAll(statement.text, bind(statement, params) as never)).getRowObjectsJS();
		expect(literal).toEqual(bound);
		const many = compile(Array.from({ length: 12 }, (_, i) => `$p${i} AS c${i}`).join(', ').replace(/^/, 'SELECT '));
		const values = Array.from({ length: 12 }, (_, i) => `v${i}`);
		expect((await conn.runAndReadAll(withLiterals(many, values))).getRowsJS()).toEqual([values]);
	});
});

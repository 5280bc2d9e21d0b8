/**
 * What an operator reads when the pipeline stops unexpectedly (exit code 3):
 * DuckDB's own words, never its native stack trace.
 */
import { describe, expect, it } from 'vitest';
import { withoutTrace } from '../../pipelines/read/errors.ts';

describe('an unexpected error, as the operator reads it', () => {
	it('keeps the first line of a DuckDB internal error and drops the stack trace it appends', () => {
		// As DuckDB 1.4.3 worded one, seen at a hundred times the units before pipelines/sql/cells.sql was split.
		const message = [
			'INTERNAL Error: Attempted to dereference unique_ptr that is NULL!',
			'',
			'Stack Trace:',
			'',
			'/work/main/node_modules/@duckdb/node-bindings-linux-x64/libduckdb.so(_ZN6duckdb9Exception6ToJSONE+0x56) [0x7f383de82706]',
			'/lib/x86_64-linux-gnu/libc.so.6(+0x891f5) [0x7f4020aa71f5]',
			'',
			"This error signals an assertion failure within DuckDB. This usually occurs due to unexpected conditions or errors in the program's logic.",
		].join('\n');
		expect(withoutTrace(message)).toBe('INTERNAL Error: Attempted to dereference unique_ptr that is NULL!');
	});

	it('leaves any other message as it is', () => {
		expect(withoutTrace('Binder Error: Referenced column "x" not found')).toBe('Binder Error: Referenced column "x" not found');
	});
});

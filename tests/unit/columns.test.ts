import { describe, expect, it } from 'vitest';
import { Float32, Float64, Int16, Int32, Int64, Utf8, vectorFromArray } from 'apache-arrow';
import { columnValues } from '$lib/db/columns';

describe('columnValues', () => {
	it('cuts each text value from its batch decoded whole: ASCII, accented, four-byte characters, empty strings and nulls, over batches', () => {
		const first = vectorFromArray(['U0001', null, 'IPS Göteborg', '', 'IPS Malmö 😀', 'Å'], new Utf8());
		const second = vectorFromArray(['2024-01-01', null, null, 'Ørsta–Volda'], new Utf8());
		const ascii = vectorFromArray(['01', '03', '25'], new Utf8());
		const column = first.concat(second).concat(ascii);
		expect(column.data).toHaveLength(3);
		// Written out by hand, not read back through Arrow's own decoding.
		expect(columnValues(column)).toEqual(['U0001', null, 'IPS Göteborg', '', 'IPS Malmö 😀', 'Å', '2024-01-01', null, null, 'Ørsta–Volda', '01', '03', '25']);
		// And the same as Arrow's value at a time.
		expect(columnValues(column)).toEqual(Array.from(column));
	});

	it('reads a slice of a batch from its own first byte', () => {
		const column = vectorFromArray(['Ale', 'Bjuv', 'Dals-Ed', 'Eda'], new Utf8()).slice(1, 3);
		expect(columnValues(column)).toEqual(['Bjuv', 'Dals-Ed']);
	});

	it('gives other columns as plain values: numbers as they are, a BIGINT as a number', () => {
		expect(columnValues(vectorFromArray([1.5, null, 3], new Float64()))).toEqual([1.5, null, 3]);
		expect(columnValues(vectorFromArray([12n, 7n], new Int64()))).toEqual([12, 7]);
	});

	it('reads numbers from their batches, nulls where a batch marks them, a slice from its own first value', () => {
		const doubles = vectorFromArray([0.25, null, -4], new Float64()).concat(vectorFromArray([1e-9, 7], new Float64()));
		expect(doubles.data).toHaveLength(2);
		expect(columnValues(doubles)).toEqual([0.25, null, -4, 1e-9, 7]);
		expect(columnValues(vectorFromArray([3, null, 5, 8, null, 13], new Int32()).slice(2, 5))).toEqual([5, 8, null]);
		expect(columnValues(vectorFromArray([1.5, 2.5, 3.5, 4.5], new Float32()).slice(1, 3))).toEqual([2.5, 3.5]);
		expect(columnValues(vectorFromArray([-1, 255], new Int16()))).toEqual([-1, 255]);
	});
});

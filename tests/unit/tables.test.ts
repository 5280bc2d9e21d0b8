/** The sortable tables' shared order (src/lib/tables/sort.svelte.ts): what a reader gets pressing a column's header. */
import { describe, expect, it } from 'vitest';
import { compareCells, TableSort } from '$lib/tables/sort.svelte';

describe('a sortable table', () => {
	it('sorts numbers by size and text in the locale’s order, a missing value last either way', () => {
		const values = [3, null, 10, 2];
		expect(values.slice().sort((a, b) => compareCells(a, b, true, 'sv'))).toEqual([2, 3, 10, null]);
		expect(values.slice().sort((a, b) => compareCells(a, b, false, 'sv'))).toEqual([10, 3, 2, null]);
		// Swedish puts Å, Ä and Ö after Z; English puts them beside A and O.
		const names = ['Örebro', 'Ale', 'Zinkgruvan', 'Åre'];
		expect(names.slice().sort((a, b) => compareCells(a, b, true, 'sv'))).toEqual(['Ale', 'Zinkgruvan', 'Åre', 'Örebro']);
		expect(names.slice().sort((a, b) => compareCells(a, b, true, 'en'))).toEqual(['Ale', 'Åre', 'Örebro', 'Zinkgruvan']);
	});

	it('starts each column in its own direction and turns it round when pressed again', () => {
		const sort = new TableSort<'name' | 'count'>({ key: null, ascending: false }, (key) => key === 'name');
		expect([sort.key, sort.ariaSort('name')]).toEqual([null, 'none']);
		sort.by('count');
		expect([sort.key, sort.ascending, sort.ariaSort('count'), sort.ariaSort('name')]).toEqual(['count', false, 'descending', 'none']);
		sort.by('count');
		expect([sort.ascending, sort.ariaSort('count')]).toEqual([true, 'ascending']);
		sort.by('name');
		expect([sort.key, sort.ascending]).toEqual(['name', true]);
	});
});

/** The sortable tables' shared order (src/lib/tables/sort.svelte.ts): what a reader gets pressing a column's header. */
import { describe, expect, it } from 'vitest';
import { compareCells, firstInOrder, TableSort } from '$lib/tables/sort.svelte';

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

describe('the first rows in an order', () => {
	/** A small deterministic generator (the same rows every run): sizes with many ties, as rounded funnel sizes have. */
	const rowsOf = (count: number, seed: number) => {
		let state = seed;
		const next = () => ((state = (state * 1103515245 + 12345) % 2147483648), state / 2147483648);
		return Array.from({ length: count }, (_, i) => ({ id: i, size: Math.floor(next() * 10) }));
	};
	const bySizeDown = (a: { size: number }, b: { size: number }) => b.size - a.size;

	it('lists what a whole sort lists first, rows equal in the order kept in theirs', () => {
		for (const [count, seed] of [[0, 1], [5, 2], [20, 3], [500, 4], [3000, 5]] as const) {
			const rows = rowsOf(count, seed);
			for (const first of [0, 1, 20, count + 3]) expect(firstInOrder(rows, bySizeDown, first)).toEqual(rows.slice().sort(bySizeDown).slice(0, first));
		}
	});

	it('worked by hand: the two largest of five, the earlier of two equals first', () => {
		const rows = [
			{ id: 'a', size: 3 },
			{ id: 'b', size: 9 },
			{ id: 'c', size: 3 },
			{ id: 'd', size: 9 },
			{ id: 'e', size: 5 },
		];
		expect(firstInOrder(rows, bySizeDown, 2).map((r) => r.id)).toEqual(['b', 'd']);
		expect(firstInOrder(rows, bySizeDown, 4).map((r) => r.id)).toEqual(['b', 'd', 'e', 'a']);
	});
});

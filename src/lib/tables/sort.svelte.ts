/**
 * A sortable table's state: the column a reader chose (none yet: the
 * table's own first order) and its direction, as `aria-sort` says it. Each
 * column starts in the direction its readers want first (names A to Z, most
 * first for a count).
 */
import { collatorFor } from '$lib/format';

export class TableSort<Key extends string> {
	key = $state<Key | null>(null);
	ascending = $state(true);
	readonly #startsAscending: (key: Key) => boolean;

	constructor(first: { key: Key | null; ascending: boolean }, startsAscending: (key: Key) => boolean) {
		this.key = first.key;
		this.ascending = first.ascending;
		this.#startsAscending = startsAscending;
	}

	/** A header pressed: the same column turns round, another starts in its own direction. */
	by(key: Key) {
		this.ascending = this.key === key ? !this.ascending : this.#startsAscending(key);
		this.key = key;
	}

	ariaSort(key: Key): 'ascending' | 'descending' | 'none' {
		return this.key === key ? (this.ascending ? 'ascending' : 'descending') : 'none';
	}
}

/** Two cells in the direction chosen: numbers by size, text in the locale's order; a missing value last either way. */
export function compareCells(x: number | string | null, y: number | string | null, ascending: boolean, locale: string): number {
	if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
	const order = typeof x === 'number' && typeof y === 'number' ? x - y : collatorFor(locale).compare(String(x), String(y));
	return ascending ? order : -order;
}

/**
 * The first `count` rows in the order `compare` gives, as a sort would list
 * them (rows equal in that order keep theirs). One pass that keeps only the
 * rows listed: a national funnel has thousands of units and lists twenty, and
 * sorting all of them, three tables over, took 4 ms of a filter change.
 */
export function firstInOrder<Row>(rows: readonly Row[], compare: (a: Row, b: Row) => number, count: number): Row[] {
	const first: Row[] = [];
	if (count <= 0) return first;
	for (const row of rows) {
		if (first.length === count && compare(row, first[count - 1]!) >= 0) continue;
		// After every row it does not come before: a sort that keeps equal rows in their order.
		let [low, high] = [0, first.length];
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (compare(row, first[middle]!) < 0) high = middle;
			else low = middle + 1;
		}
		first.splice(low, 0, row);
		if (first.length > count) first.pop();
	}
	return first;
}

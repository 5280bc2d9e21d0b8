/**
 * Emphasis without redrawing. Many charts show every group (each region)
 * and stand one out (the chosen one): a filter change then leaves their rows
 * as they were and moves only the emphasis. Drawing such a chart again with
 * Plot costs 5–20 ms; restyling a few elements of the drawing costs well
 * under one. A chart module that can do this tags the elements of its
 * drawing with the key they show (data-key), and exports an emphasis
 * function that the Chart frame calls when only the highlight changes.
 */

/** Restyles a drawing so that the element(s) of `highlight` stand out; null stands none out. */
export type Emphasis = (figure: Element, highlight: string | null) => void;

/**
 * Tags the elements Plot drew for a mark with their datum's key. Plot binds
 * each element to its datum's index (d3's __data__; a line's path to the
 * indices of its points), so the tag holds whatever order Plot draws in.
 */
export function tagKeys(elements: Iterable<Element>, keyOf: (index: number) => string) {
	for (const element of elements) {
		const datum = (element as Element & { __data__?: unknown }).__data__;
		const index = Array.isArray(datum) ? datum[0] : datum;
		if (typeof index === 'number') element.setAttribute('data-key', keyOf(index));
	}
}

/** The elements of a drawing tagged by tagKeys, within a mark's group (by its aria-label). */
export const tagged = (figure: Element, mark: string) => figure.querySelectorAll(`[aria-label="${mark}"] [data-key]`);

/**
 * Whether two lists of rows hold the same values (each row's own fields
 * compared with ===): a recomputed list equal to the one drawn need not be
 * drawn again.
 */
function sameRows(a: readonly unknown[], b: readonly unknown[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const [x, y] = [a[i], b[i]];
		if (x === y) continue;
		if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
		const keys = Object.keys(x);
		if (keys.length !== Object.keys(y).length) return false;
		for (const key of keys) if ((x as Record<string, unknown>)[key] !== (y as Record<string, unknown>)[key]) return false;
	}
	return true;
}

/**
 * A list that stays the same list while its values do: each call returns the
 * list kept from before when the new one holds the same values (sameRows).
 * Read in a $derived, an equal recomputation then changes nothing downstream.
 */
export function keepSame<T>(): (next: readonly T[]) => readonly T[] {
	let kept: readonly T[] = [];
	return (next) => (sameRows(kept, next) ? kept : (kept = next));
}

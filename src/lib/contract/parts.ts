/**
 * The marts the browser reads in parts (#23): rows of units, which grow with
 * the units (unit_quarter: 12.9 MB as one Arrow file at a hundred times the
 * units, staffing 3.0 MB and stability 4.3 MB). The pipeline writes such a
 * mart's Arrow as files of whole units, in order of region and unit, each at
 * most PART_ROWS rows (`<mart>/part-000.arrow`, …), and lists each in the
 * manifest with its size, SHA-256, regions and first and last unit; a mart
 * that also holds the cube's cells (rows without a unit) has them in a file
 * of their own (`<mart>/cells.arrow`). The browser fetches only the parts a
 * statement's filters need. The Parquet file stays whole, for analysts.
 */
import type { Part } from './manifest.ts';
import type { MartName } from './marts.ts';

/**
 * The marts written in parts, by what a statement that names no unit reads
 * of them: `units`, the chosen units' rows (unit_quarter, which a view's unit
 * table lists: a region's parts, or all of them); `cells`, the cube's cells
 * alone (staffing and stability, whose statements read a unit's rows only
 * where they name the unit: src/lib/metrics/staffing.ts).
 */
export const PARTITIONED_MARTS: Partial<Record<MartName, PartsRead>> = { unit_quarter: 'units', staffing: 'cells', stability: 'cells' };
export type PartsRead = 'units' | 'cells';

/**
 * A part's most rows: 2,048 rows of unit_quarter are about 220 KB of Arrow
 * (106 bytes a row at a hundred times the units), so that a unit page's rows
 * arrive in under 300 KB (#23), while the demo's 80 units stay one part.
 */
export const PART_ROWS = 2048;

/** A unit's place in the order of parts: its region, then its id. */
export type UnitKey = readonly [region: string, unit: string];

/** The order of parts, the same in the pipeline that cuts them and the browser that looks a unit up (code units, not a locale's collation). */
export function compareUnitKeys(a: UnitKey, b: UnitKey): number {
	for (const i of [0, 1] as const) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
	return 0;
}

/**
 * Cuts units, given in the order of parts with their rows, into parts of at
 * most `maxRows` rows (a unit is never split: one with more rows is a part
 * of its own).
 */
export function cutIntoParts<U extends { key: UnitKey; rows: number }>(units: readonly U[], maxRows = PART_ROWS): U[][] {
	const parts: U[][] = [];
	let current: U[] = [];
	let rows = 0;
	for (const unit of units) {
		if (current.length > 0 && rows + unit.rows > maxRows) {
			parts.push(current);
			current = [];
			rows = 0;
		}
		current.push(unit);
		rows += unit.rows;
	}
	if (current.length > 0) parts.push(current);
	return parts;
}

/**
 * The parts of units a statement needs, by the filters it is bound with:
 * the part holding a unit (its key: its region and id); where it names no
 * unit, on a mart of `units`, the parts holding a region's units or every
 * part, and on a mart of `cells` none (its cells file holds what it reads).
 * Each statement that reads a partitioned mart reads only the chosen units'
 * rows (src/lib/metrics/cells.ts joins chosen_units, which the region and
 * unit filters limit; staffing.ts reads a unit's row only for $unit), so the
 * rows it leaves out are rows it would not read.
 */
export function partsFor(parts: readonly Part[], chosen: { region: string | null; unit: UnitKey | null }, read: PartsRead = 'units'): Part[] {
	const { region, unit } = chosen;
	if (unit) return parts.filter((part) => compareUnitKeys(part.first, unit) <= 0 && compareUnitKeys(unit, part.last) <= 0);
	if (read === 'cells') return [];
	if (region !== null) return parts.filter((part) => part.regions.includes(region));
	return [...parts];
}

/**
 * Small-cell suppression for the public profile (#14): which cells of a set
 * of linked, additive tables to withhold so that no count of people below
 * the threshold is published, and none can be worked out from what is.
 *
 * The tables are given as cells (an id and a count of people) and the sums
 * that tie them: each constraint says that one cell (a total: a region's row,
 * a cube cell, a year) is the sum of others (its regions, its units, its
 * quarters). Tables that share a margin, and quarters summed into a year,
 * are simply more constraints.
 *
 * - Primary: every count from more than 0 to below the threshold. A zero is
 *   published: it points at nobody.
 * - Secondary: a constraint with exactly one withheld cell gives it away
 *   (the total minus the parts shown), so another cell of that constraint is
 *   withheld too: the smallest part shown that is above 0, or the total if
 *   there is none. Repeated until no constraint has exactly one.
 * - Audit: one withheld cell per constraint is not the only way in; a cell can
 *   be determined by several constraints together (the sum of one table's
 *   rows against another's). `determined` solves the whole linear system and
 *   names every withheld cell it fixes; `suppress` withholds more until it
 *   names none. This is the attacker the tests run too, written apart from it.
 */

export interface Constraint {
	total: string;
	parts: readonly string[];
}

export interface Suppression {
	/** Cells withheld because they are below the threshold. */
	primary: Set<string>;
	/** Cells withheld so that the primary ones cannot be worked out. */
	secondary: Set<string>;
}

/** Counts of people under the threshold (above 0) are withheld. */
export const isSmall = (value: number, minCell: number) => value > 0 && value < minCell;

/** How complements are chosen. */
export interface Choice {
	/** Cells never chosen: a value a rule ties to a published 0 is known whether shown or not, and would hide nothing. */
	pinned?: ReadonlySet<string>;
	/**
	 * The least a withheld cell must be able to move (its protection level,
	 * ./protect.ts). A complement of at least that much is preferred: a
	 * smaller one can give way by less than the level, and a further
	 * complement is needed, often a total.
	 */
	need?: (id: string) => number;
}

/**
 * Withholds `primary` and enough more that none of them can be worked out
 * from the rest. `hidden` cells are never published (no filter can choose
 * them) but count in the sums: they start withheld, like the primary ones,
 * and are reported as neither primary nor secondary.
 */
export function suppress(
	cells: ReadonlyMap<string, number>,
	constraints: readonly Constraint[],
	primary: ReadonlySet<string>,
	hidden: Iterable<string> = [],
	choice: Choice = {},
): Suppression {
	for (const c of constraints) for (const id of [c.total, ...c.parts]) if (!cells.has(id)) throw new Error(`a constraint names the cell ${id}, which is not among the cells`);
	const unpublished = new Set(hidden);
	const withheld = new Set([...primary, ...unpublished]);
	settle(cells, constraints, withheld, chooser(cells, choice));
	return { primary: new Set(primary), secondary: new Set([...withheld].filter((id) => !primary.has(id) && !unpublished.has(id))) };
}

/** The counts of people under the threshold (above 0): the primary cells of a count. */
export const smallCells = (cells: ReadonlyMap<string, number>, minCell: number) => new Set([...cells].filter(([, value]) => isSmall(value, minCell)).map(([id]) => id));

/**
 * Withholds one more cell beside each `exposed` one (found too narrow by a
 * check of its own, ./protect.ts), then as many as `suppress` would. Returns
 * the exposed cells with no shown cell left beside them.
 */
export function withholdBeside(
	cells: ReadonlyMap<string, number>,
	constraints: readonly Constraint[],
	withheld: Set<string>,
	exposed: ReadonlySet<string>,
	choice: Choice = {},
): Set<string> {
	const choose = chooser(cells, choice);
	const stuck = widen(linksOf(constraints), withheld, new Set(exposed), choose);
	if (stuck.size < exposed.size) settle(cells, constraints, withheld, choose);
	return stuck;
}

/** What choosing a complement reads: a cell's value, whether it may be chosen, and whether it covers a withheld one's level. */
interface Chooser {
	valueOf: (id: string) => number;
	pinned: ReadonlySet<string>;
	/** The complement `id` can give way by the level of `to`. */
	covers: (id: string, to: string) => boolean;
}

function chooser(cells: ReadonlyMap<string, number>, { pinned = new Set(), need = () => 0 }: Choice): Chooser {
	const valueOf = (id: string) => cells.get(id)!;
	return { valueOf, pinned, covers: (id, to) => valueOf(id) >= need(to) };
}

/** Withholds cells until no sum gives a withheld one away, alone or with others. */
function settle(cells: ReadonlyMap<string, number>, constraints: readonly Constraint[], withheld: Set<string>, choose: Chooser) {
	const links = linksOf(constraints);
	for (;;) {
		closeConstraints(constraints, withheld, choose);
		const exposed = determined(constraints, withheld);
		if (exposed.size === 0) break;
		// A cell fixed by several constraints together: withhold another cell in the equations that fix it.
		if (widen(links, withheld, exposed, choose).size === exposed.size) throw new Error(`cannot protect ${[...exposed].join(', ')}: every cell beside them is withheld`);
	}
}

/** Withholds a second cell in every constraint with exactly one, until there is none. */
function closeConstraints(constraints: readonly Constraint[], withheld: Set<string>, choose: Chooser) {
	for (let changed = true; changed; ) {
		changed = false;
		for (const c of constraints) {
			const members = [c.total, ...c.parts];
			const alone = members.filter((id) => withheld.has(id));
			if (alone.length !== 1) continue;
			const complement = complementOf(c, alone[0]!, withheld, choose);
			if (complement === null) continue; // a sum of one cell: the total is that cell, withheld with it below
			withheld.add(complement);
			changed = true;
		}
	}
}

/**
 * The cell to withhold beside a lone withheld one: the smallest part shown that covers its level, else the
 * total, else the largest part shown above 0, else any part shown; never a pinned one.
 */
function complementOf(c: Constraint, lone: string, withheld: Set<string>, { valueOf, pinned, covers }: Chooser): string | null {
	const shown = c.parts.filter((id) => !withheld.has(id) && !pinned.has(id));
	const positive = shown.filter((id) => valueOf(id) > 0).sort((a, b) => valueOf(a) - valueOf(b) || a.localeCompare(b));
	const covering = positive.find((id) => covers(id, lone));
	if (covering) return covering;
	if (!withheld.has(c.total) && !pinned.has(c.total)) return c.total;
	return positive.at(-1) ?? shown[0] ?? null;
}

/**
 * Withholds one more cell for each exposed cell (returning those it could not), one per group of withheld
 * cells that constraints tie together (another cell in the same equations
 * would loosen them all): reached from the exposed cell through constraints
 * and withheld cells, the cheapest shown cell of those constraints, nearest
 * first among equals. Cheapest is a cell that is the total of no sum (a unit
 * rather than a region, a region rather than the nation), then one that
 * covers the exposed cell's level, then the smallest.
 */
function widen(links: Links, withheld: Set<string>, exposed: Set<string>, { valueOf, pinned, covers }: Chooser): Set<string> {
	const cheaper = (a: string, b: string) => {
		const [ta, tb] = [links.totalOf.get(a) ?? 0, links.totalOf.get(b) ?? 0];
		const [va, vb] = [valueOf(a) > 0 ? valueOf(a) : Infinity, valueOf(b) > 0 ? valueOf(b) : Infinity];
		return ta - tb || va - vb || a.localeCompare(b);
	};
	const stuck = new Set<string>();
	for (const start of [...exposed].sort()) {
		const reached = new Set([start]);
		const used = new Set<Constraint>();
		// Every shown cell of the constraints reachable from the exposed one, with how far it lies.
		const distance = new Map<string, number>();
		for (let frontier = [start], step = 0; frontier.length; step++) {
			const next: string[] = [];
			for (const id of frontier) {
				for (const c of links.containing.get(id) ?? []) {
					if (used.has(c)) continue;
					used.add(c);
					for (const member of [c.total, ...c.parts]) {
						if (!withheld.has(member)) {
							if (!distance.has(member) && !pinned.has(member)) distance.set(member, step);
						} else if (!reached.has(member)) {
							reached.add(member);
							next.push(member);
						}
					}
				}
			}
			frontier = next;
		}
		if (!distance.size) {
			stuck.add(start);
			continue;
		}
		const short = (id: string) => (covers(id, start) ? 0 : 1);
		const best = [...distance.keys()].sort(
			(a, b) => (links.totalOf.get(a) ?? 0) - (links.totalOf.get(b) ?? 0) || short(a) - short(b) || distance.get(a)! - distance.get(b)! || cheaper(a, b),
		)[0]!;
		withheld.add(best);
	}
	return stuck;
}

/** Which constraints hold each cell, and of how many sums each cell is the total. */
interface Links {
	containing: Map<string, Constraint[]>;
	totalOf: Map<string, number>;
}

function linksOf(constraints: readonly Constraint[]): Links {
	const containing = new Map<string, Constraint[]>();
	const totalOf = new Map<string, number>();
	for (const c of constraints) {
		for (const id of [c.total, ...c.parts]) {
			const list = containing.get(id);
			if (list) list.push(c);
			else containing.set(id, [c]);
		}
		totalOf.set(c.total, (totalOf.get(c.total) ?? 0) + 1);
	}
	return { containing, totalOf };
}

/**
 * The withheld cells that the published cells and the constraints fix: the
 * system Σ parts − total = 0 over the withheld cells, reduced to row echelon
 * form; a withheld cell is fixed when its pivot row has no free cell in it.
 * Bounds (counts are not negative) are left out: they narrow a cell to an
 * interval, which the threshold on the complements keeps wide.
 */
export function determined(constraints: readonly Constraint[], withheld: ReadonlySet<string>): Set<string> {
	const unknowns = [...withheld].sort();
	const column = new Map(unknowns.map((id, i) => [id, i]));
	// Each constraint as a sparse row over the withheld cells (the shown ones move to the other side, where they are known).
	const rows: Map<number, number>[] = [];
	for (const c of constraints) {
		const row = new Map<number, number>();
		const add = (id: string, coefficient: number) => {
			const j = column.get(id);
			if (j === undefined) return;
			const next = (row.get(j) ?? 0) + coefficient;
			if (next === 0) row.delete(j);
			else row.set(j, next);
		};
		add(c.total, -1);
		for (const part of c.parts) add(part, 1);
		if (row.size) rows.push(row);
	}
	const pivots = echelon(rows);
	const fixed = new Set<string>();
	for (const [j, row] of pivots) if (row.size === 1) fixed.add(unknowns[j]!);
	return fixed;
}

const EPSILON = 1e-9;

/**
 * Reduced row echelon form of sparse rows: each pivot column with its row.
 * Forward elimination first (a row is reduced by the pivots it holds, smallest
 * column first, so each step only adds larger columns), then one backward
 * pass that takes every later pivot out of each row.
 */
function echelon(rows: Map<number, number>[]): Map<number, Map<number, number>> {
	const pivots = new Map<number, Map<number, number>>();
	for (const original of rows) {
		const row = new Map(original);
		for (;;) {
			let next = Infinity;
			for (const k of row.keys()) if (k < next && pivots.has(k)) next = k;
			if (next === Infinity) break;
			subtract(row, pivots.get(next)!, row.get(next)!);
		}
		if (row.size === 0) continue;
		let j = Infinity;
		for (const k of row.keys()) if (k < j) j = k;
		const lead = row.get(j)!;
		for (const [k, v] of row) row.set(k, v / lead);
		pivots.set(j, row);
	}
	// Backward: the largest pivot first, so each row is cleared of pivots already reduced.
	for (const j of [...pivots.keys()].sort((a, b) => b - a)) {
		const row = pivots.get(j)!;
		for (const k of [...row.keys()].sort((a, b) => a - b)) {
			if (k === j || !row.has(k)) continue;
			const pivotRow = pivots.get(k);
			if (pivotRow) subtract(row, pivotRow, row.get(k)!);
		}
	}
	return pivots;
}

/** row −= factor × other, in place; entries that cancel are dropped. */
function subtract(row: Map<number, number>, other: Map<number, number>, factor: number) {
	for (const [k, v] of other) {
		const next = (row.get(k) ?? 0) - factor * v;
		if (Math.abs(next) < EPSILON) row.delete(k);
		else row.set(k, next);
	}
}

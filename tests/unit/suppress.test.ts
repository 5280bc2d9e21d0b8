/**
 * Small-cell suppression (#14) against the attacker of tests/support/attacker.ts,
 * written apart from pipelines/suppress.ts: it knows every published cell and
 * every sum that ties the tables (totals, units into regions, quarters into a
 * year) and solves for each withheld cell with dense Gaussian elimination.
 */
import { describe, expect, it } from 'vitest';
import { smallCells, suppress, withholdBeside, type Constraint } from '../../pipelines/suppress.ts';
import { recover as attack, type Equation } from '../support/attacker.ts';

/** The withheld cells that the published cells and the sums fix exactly (tests/support/attacker.ts). */
function recover(cells: ReadonlyMap<string, number>, constraints: readonly Constraint[], withheld: ReadonlySet<string>): Map<string, number> {
	const values = new Map([...cells].map(([id, v]) => [id, withheld.has(id) ? null : v]));
	const equations = constraints.map((c): Equation => [[c.total, -1], ...c.parts.map((p) => [p, 1] as const)]);
	return new Map([...attack(values, equations)].map(([id, v]) => [id, Math.round(v * 1e6) / 1e6]));
}

/** A table of rows × columns with its row, column and grand totals, as cells and sums. */
function table(name: string, values: number[][]): { cells: Map<string, number>; constraints: Constraint[] } {
	const cells = new Map<string, number>();
	const constraints: Constraint[] = [];
	const id = (r: number | 't', c: number | 't') => `${name}:r${r}c${c}`;
	values.forEach((row, r) => row.forEach((v, c) => cells.set(id(r, c), v)));
	values.forEach((row, r) => {
		cells.set(id(r, 't'), row.reduce((a, b) => a + b, 0));
		constraints.push({ total: id(r, 't'), parts: row.map((_, c) => id(r, c)) });
	});
	values[0]!.forEach((_, c) => {
		cells.set(id('t', c), values.reduce((a, row) => a + row[c]!, 0));
		constraints.push({ total: id('t', c), parts: values.map((_, r) => id(r, c)) });
	});
	cells.set(id('t', 't'), values.flat().reduce((a, b) => a + b, 0));
	constraints.push({ total: id('t', 't'), parts: values.map((_, r) => id(r, 't')) });
	constraints.push({ total: id('t', 't'), parts: values[0]!.map((_, c) => id('t', c)) });
	return { cells, constraints };
}

const published = (cells: ReadonlyMap<string, number>, withheld: ReadonlySet<string>) => [...cells].filter(([id]) => !withheld.has(id));

describe('small-cell suppression', () => {
	it('protects a 3 × 3 table with margins as worked by hand: the lone 3 needs five more cells withheld', () => {
		// r0: 20 3 15 | 38, r1: 12 25 8 | 45, r2: 9 14 30 | 53; columns 41 42 53; total 136.
		const { cells, constraints } = table('t', [
			[20, 3, 15],
			[12, 25, 8],
			[9, 14, 30],
		]);
		// Primary alone: row 0's total minus 20 and 15 gives the 3 back.
		expect(recover(cells, constraints, new Set(['t:r0c1']))).toEqual(new Map([['t:r0c1', 3]]));
		const { primary, secondary } = suppress(cells, constraints, smallCells(cells, 5));
		expect(primary).toEqual(new Set(['t:r0c1']));
		// Row 0 takes its smallest other cell (15), column 1 its (14), column 2 then (8), row 1 (12) and row 2 (9):
		// six withheld cells on a cycle of rows and columns, each line with two, which no sum can undo.
		expect(secondary).toEqual(new Set(['t:r0c2', 't:r2c1', 't:r1c2', 't:r1c0', 't:r2c0']));
		expect(recover(cells, constraints, new Set([...primary, ...secondary]))).toEqual(new Map());
	});

	it('protects linked tables: units in regions, regions in the nation, quarters in a year; the attacker recovers nothing', () => {
		// Two regions (A: units a1–a3, B: b1–b2), two quarters, and each one's year: a unit table, a region table and the
		// nation share their margins, and every quarter pair sums to the year published beside it.
		const units = { A: ['a1', 'a2', 'a3'], B: ['b1', 'b2'] } as const;
		const values: Record<string, [number, number]> = { a1: [12, 14], a2: [2, 9], a3: [20, 18], b1: [7, 3], b2: [30, 31] };
		const cells = new Map<string, number>();
		const constraints: Constraint[] = [];
		const quarters = ['q1', 'q2'] as const;
		for (const [unit, [q1, q2]] of Object.entries(values)) {
			cells.set(`${unit}@q1`, q1).set(`${unit}@q2`, q2).set(`${unit}@year`, q1 + q2);
			constraints.push({ total: `${unit}@year`, parts: [`${unit}@q1`, `${unit}@q2`] });
		}
		for (const period of [...quarters, 'year'] as const) {
			for (const [region, members] of Object.entries(units)) {
				cells.set(`${region}@${period}`, members.reduce((sum, u) => sum + cells.get(`${u}@${period}`)!, 0));
				constraints.push({ total: `${region}@${period}`, parts: members.map((u) => `${u}@${period}`) });
			}
			cells.set(`nation@${period}`, cells.get(`A@${period}`)! + cells.get(`B@${period}`)!);
			constraints.push({ total: `nation@${period}`, parts: [`A@${period}`, `B@${period}`] });
		}
		for (const region of [...Object.keys(units), 'nation']) constraints.push({ total: `${region}@year`, parts: quarters.map((q) => `${region}@${q}`) });

		// Without secondary suppression the attacker gets each small cell back: a2@q1 = A@q1 − a1 − a3, and b1@q2 = b1@year − b1@q1.
		const primaryOnly = new Set(['a2@q1', 'b1@q2']);
		expect(recover(cells, constraints, primaryOnly)).toEqual(new Map([['a2@q1', 2], ['b1@q2', 3]]));

		const { primary, secondary } = suppress(cells, constraints, smallCells(cells, 5));
		expect(primary).toEqual(primaryOnly);
		const withheld = new Set([...primary, ...secondary]);
		expect(recover(cells, constraints, withheld)).toEqual(new Map());
		// Nothing shown is a count of 1 to 4.
		expect(published(cells, withheld).filter(([, v]) => v > 0 && v < 5)).toEqual([]);
		// And it withholds no more than it must: the nation's figures stay.
		for (const period of ['q1', 'q2', 'year']) expect(withheld.has(`nation@${period}`)).toBe(false);
	});

	it('catches what one sum at a time misses: a cell fixed only by several sums together is protected', () => {
		// Each line below has two withheld cells after the first pass, yet the unit table and the region table together fix them:
		// x + y = A, x + z = B, y + z = C gives x = (A + B − C) / 2.
		const cells = new Map([
			['x', 3], ['y', 6], ['z', 7], ['p', 20], ['q', 25], ['r', 30],
			['A', 3 + 6 + 20], ['B', 3 + 7 + 25], ['C', 6 + 7 + 30],
		]);
		const constraints: Constraint[] = [
			{ total: 'A', parts: ['x', 'y', 'p'] },
			{ total: 'B', parts: ['x', 'z', 'q'] },
			{ total: 'C', parts: ['y', 'z', 'r'] },
		];
		expect(recover(cells, constraints, new Set(['x', 'y', 'z']))).toEqual(new Map([['x', 3], ['y', 6], ['z', 7]]));
		const { primary, secondary } = suppress(cells, constraints, smallCells(cells, 5));
		expect(primary).toEqual(new Set(['x']));
		expect(recover(cells, constraints, new Set([...primary, ...secondary]))).toEqual(new Map());
	});

	it('prefers a complement that covers the protection level to a smaller one, then the total', () => {
		// t = a + b + c + d with a = 2 withheld (small) and a level of 5: b = 1 or c = 3 beside it could give way by 1 or 3 only.
		const cells = new Map([['a', 2], ['b', 1], ['c', 3], ['d', 20], ['t', 26]]);
		const sum = [{ total: 't', parts: ['a', 'b', 'c', 'd'] }];
		// With no level the smallest part shown, b, as an equation-only rule would take.
		expect(suppress(cells, sum, new Set(['a'])).secondary).toEqual(new Set(['b']));
		// With a level of 5, the smallest part of at least 5: d.
		expect(suppress(cells, sum, new Set(['a']), [], { need: () => 5 }).secondary).toEqual(new Set(['d']));
		// With a level no part covers, the total (it moves with a by any amount), not a part too small.
		expect(suppress(cells, sum, new Set(['a']), [], { need: () => 25 }).secondary).toEqual(new Set(['t']));
	});

	it('never withholds a pinned cell to hide another (known either way), and says which exposed cells have nothing beside them', () => {
		// t = a + b + c with a = 2 (small), b = 0 pinned (days waited where nobody enrolled), c = 30.
		const cells = new Map([['a', 2], ['b', 0], ['c', 30], ['t', 32]]);
		const sum = [{ total: 't', parts: ['a', 'b', 'c'] }];
		// The smallest part shown above 0 is c; b is never taken.
		expect(suppress(cells, sum, new Set(['a']), [], { pinned: new Set(['b']) }).secondary).toEqual(new Set(['c']));
		// With a, c and t withheld and only the pinned b left, one more cell beside a cannot be found: a is returned.
		const withheld = new Set(['a', 'c', 't']);
		expect(withholdBeside(cells, sum, withheld, new Set(['a']), { pinned: new Set(['b']) })).toEqual(new Set(['a']));
		expect(withheld).toEqual(new Set(['a', 'c', 't']));
		// Without the pin, b is withheld beside it.
		expect(withholdBeside(cells, sum, withheld, new Set(['a']))).toEqual(new Set());
		expect(withheld.has('b')).toBe(true);
	});

	it('publishes zeros and counts at the threshold, and refuses a sum over a cell it does not know', () => {
		const cells = new Map([['a', 0], ['b', 5], ['t', 5]]);
		expect(suppress(cells, [{ total: 't', parts: ['a', 'b'] }], smallCells(cells, 5))).toEqual({ primary: new Set(), secondary: new Set() });
		expect(() => suppress(cells, [{ total: 't', parts: ['a', 'c'] }], smallCells(cells, 5))).toThrow('a constraint names the cell c, which is not among the cells');
	});
});

/**
 * Protection levels (#20): pipelines/protect.ts finds the withheld values an
 * attacker with inequalities narrows below their level. The intervals here
 * are worked by hand; the attacker of tests/support/intervals.ts, written
 * apart from the pipeline, must find the same.
 */
import { describe, expect, it } from 'vitest';
import { narrowTogether, narrowValues, type ProtectionSystem, type Relation } from '../../pipelines/protect.ts';
import { intervals } from '../support/intervals.ts';

/** A table of rows × columns with its row, column and grand totals: cells and the sums that tie them. */
function table(values: number[][]): { values: Map<string, number>; relations: Relation[] } {
	const cells = new Map<string, number>();
	const relations: Relation[] = [];
	const sum = (total: string, parts: string[]) => relations.push({ terms: [[total, -1], ...parts.map((p) => [p, 1] as const)], lower: 0, upper: 0 });
	values.forEach((row, r) => row.forEach((v, c) => cells.set(`r${r}c${c}`, v)));
	values.forEach((row, r) => {
		cells.set(`r${r}`, row.reduce((a, b) => a + b, 0));
		sum(`r${r}`, row.map((_, c) => `r${r}c${c}`));
	});
	values[0]!.forEach((_, c) => {
		cells.set(`c${c}`, values.reduce((a, row) => a + row[c]!, 0));
		sum(`c${c}`, values.map((_, r) => `r${r}c${c}`));
	});
	cells.set('t', values.flat().reduce((a, b) => a + b, 0));
	sum('t', values.map((_, r) => `r${r}`));
	return { values: cells, relations };
}

const system = (t: { values: Map<string, number>; relations: Relation[] }, level: number): ProtectionSystem => ({
	...t,
	level: () => level,
	integer: () => true,
	// One column of values: solved together.
	group: () => 'count',
});

/** The attacker's intervals of the withheld cells, for comparison with the hand-worked ones. */
async function attackerIntervals(t: { values: Map<string, number>; relations: Relation[] }, withheld: Set<string>, level: number) {
	const known = new Map([...t.values].filter(([id]) => !withheld.has(id)));
	const unknowns = new Map([...withheld].map((id) => [id, { integer: true, lower: 0, upper: Infinity, level }]));
	return new Map([...(await intervals(known, unknowns, t.relations))].map(([id, i]) => [id, [i.lower, i.upper]]));
}

describe('protection levels', () => {
	it('a 2 × 2 table whose small column total bounds every withheld cell: each is narrowed to a width of 3', async () => {
		// r0: 2 20 | 22, r1: 1 30 | 31; columns 3, 50. With the four inner cells withheld, r0c0 = 3 − r1c0 ∈ [0, 3],
		// r0c1 = 22 − r0c0 ∈ [19, 22], r1c0 ∈ [0, 3], r1c1 = 31 − r1c0 ∈ [28, 31]: all four 3 wide.
		const t = table([
			[2, 20],
			[1, 30],
		]);
		const withheld = new Set(['r0c0', 'r0c1', 'r1c0', 'r1c1']);
		expect(await narrowValues(system(t, 5), withheld, new Set())).toEqual(withheld);
		expect(await narrowValues(system(t, 3), withheld, new Set())).toEqual(new Set());
		// Level 4 with the whole system free: the same four (it only has one column of values here).
		expect(await narrowTogether(system(t, 4), withheld, new Set(), withheld)).toEqual(withheld);
		expect(await attackerIntervals(t, withheld, 99)).toEqual(
			new Map([
				['r0c0', [0, 3]],
				['r0c1', [19, 22]],
				['r1c0', [0, 3]],
				['r1c1', [28, 31]],
			]),
		);
	});

	it('a 3 × 3 table with six cells withheld on one cycle: each moves 15 (from −3 to +12 along the cycle)', async () => {
		// The table and the six cells that small-cell suppression withholds for the lone 3 (tests/unit/suppress.test.ts).
		// The only way to change them and keep every sum is t along the cycle +r0c1 −r0c2 +r1c2 −r1c0 +r2c0 −r2c1:
		// 3 + t ≥ 0, 15 − t ≥ 0, 8 + t ≥ 0, 12 − t ≥ 0, 9 + t ≥ 0, 14 − t ≥ 0, so t ∈ [−3, 12] and every cell is 15 wide.
		const t = table([
			[20, 3, 15],
			[12, 25, 8],
			[9, 14, 30],
		]);
		const withheld = new Set(['r0c1', 'r0c2', 'r2c1', 'r1c2', 'r1c0', 'r2c0']);
		expect(await narrowValues(system(t, 15), withheld, new Set())).toEqual(new Set());
		expect(await narrowValues(system(t, 16), withheld, new Set())).toEqual(withheld);
		expect(await attackerIntervals(t, withheld, 99)).toEqual(
			new Map([
				['r0c1', [0, 15]],
				['r0c2', [3, 18]],
				['r1c2', [5, 20]],
				['r1c0', [0, 15]],
				['r2c0', [6, 21]],
				['r2c1', [2, 17]],
			]),
		);
	});

	it('units of one cell trade freely within their caps: a unit capped at 4 is narrow, the others wide', async () => {
		// Cell R = a + b + c = 25 (published), all three units withheld; each employed count is at most its caseload, which
		// is published: a ≤ 4, b ≤ 10, c ≤ 30. Then a ∈ [max(0, 25 − 10 − 30), min(4, 25)] = [0, 4], b ∈ [0, 10],
		// c ∈ [max(0, 25 − 4 − 10), 25] = [11, 25]: a is 4 wide, under a level of 5.
		const values = new Map([
			['employed@a', 2],
			['employed@b', 3],
			['employed@c', 20],
			['employed@R', 25],
			['caseload@a', 4],
			['caseload@b', 10],
			['caseload@c', 30],
		]);
		const relations: Relation[] = [
			{ terms: [['employed@R', -1], ['employed@a', 1], ['employed@b', 1], ['employed@c', 1]], lower: 0, upper: 0 },
			...['a', 'b', 'c'].map((u): Relation => ({ terms: [[`employed@${u}`, 1], [`caseload@${u}`, -1]], lower: -Infinity, upper: 0 })),
		];
		const s: ProtectionSystem = { values, relations, level: () => 5, integer: () => true, group: (id) => id.split('@')[0]! };
		const withheld = new Set(['employed@a', 'employed@b', 'employed@c']);
		const wide = new Set<string>();
		expect(await narrowValues(s, withheld, wide)).toEqual(new Set(['employed@a']));
		expect(wide).toEqual(new Set(['employed@b', 'employed@c']));
		const known = new Map([...values].filter(([id]) => !withheld.has(id)));
		const found = await intervals(known, new Map([...withheld].map((id) => [id, { integer: true, lower: 0, upper: Infinity, level: 99 }])), relations);
		expect(new Map([...found].map(([id, i]) => [id, [i.lower, i.upper]]))).toEqual(
			new Map([
				['employed@a', [0, 4]],
				['employed@b', [0, 10]],
				['employed@c', [11, 25]],
			]),
		);
	});

	it('values another column holds in place: days waited where nobody enrolled are wide only with enrolments free too', async () => {
		// Region R of units a and b: enrolled a 0, b 3 (R 3, published); days waited a 0, b 40 (R 40, published); all four
		// unit values withheld. Each column alone, the other held at its truth: a enrolled nobody, so waited 0 days, so b
		// waited all 40; b waited, so enrolled at least 1 (of 3): every interval is narrower than its level (35 days, 3
		// people). Together: b may have enrolled anyone from 0 to 3 and waited 0 to 40 days, a the rest: all wide.
		const values = new Map([
			['enrolled@a', 0],
			['enrolled@b', 3],
			['enrolled@R', 3],
			['wait@a', 0],
			['wait@b', 40],
			['wait@R', 40],
		]);
		const relations: Relation[] = [
			{ terms: [['enrolled@R', -1], ['enrolled@a', 1], ['enrolled@b', 1]], lower: 0, upper: 0 },
			{ terms: [['wait@R', -1], ['wait@a', 1], ['wait@b', 1]], lower: 0, upper: 0 },
			{ terms: [['wait@a', 1], ['enrolled@a', -3650]], lower: -Infinity, upper: 0 },
			{ terms: [['wait@b', 1], ['enrolled@b', -3650]], lower: -Infinity, upper: 0 },
		];
		const s: ProtectionSystem = { values, relations, level: (id) => (id.startsWith('wait') ? 35 : 3), integer: () => true, group: (id) => id.split('@')[0]! };
		const withheld = new Set(['enrolled@a', 'enrolled@b', 'wait@a', 'wait@b']);
		const wide = new Set<string>();
		expect(await narrowValues(s, withheld, wide)).toEqual(withheld);
		expect(await narrowTogether(s, withheld, wide, withheld)).toEqual(new Set());
		expect(wide).toEqual(withheld);
	});
});

describe('protection levels in a part too large to solve whole', () => {
	/**
	 * A chain of n withheld values of 10, each two neighbours' sum published (20): moving the first by t moves every
	 * other by ±t, so each value lies in [0, 20], 20 wide, however long the chain. Held at its true value, any one
	 * value of the chain pins them all.
	 */
	function chain(n: number, more: { values?: [string, number][]; relations?: Relation[] } = {}): { system: ProtectionSystem; withheld: Set<string> } {
		const values = new Map<string, number>(more.values);
		const relations: Relation[] = [...(more.relations ?? [])];
		for (let i = 0; i < n; i++) values.set(`x${i}`, 10);
		for (let i = 0; i + 1 < n; i++) {
			values.set(`s${i}`, 20);
			relations.push({ terms: [[`s${i}`, -1], [`x${i}`, 1], [`x${i + 1}`, 1]], lower: 0, upper: 0 });
		}
		const system: ProtectionSystem = { values, relations, level: () => 15, integer: () => true, group: () => 'count' };
		return { system, withheld: new Set([...values.keys()].filter((id) => id.startsWith('x'))) };
	}

	it('a chain of 51 is solved whole: its middle value is 20 wide, over a level of 15', async () => {
		const { system, withheld } = chain(51);
		const wide = new Set<string>();
		expect(await narrowTogether(system, withheld, wide, new Set(['x25']))).toEqual(new Set());
		expect(wide.has('x25')).toBe(true);
		const known = new Map([...system.values].filter(([id]) => !withheld.has(id)));
		const found = await intervals(known, new Map([...withheld].map((id) => [id, { integer: true, lower: 0, upper: Infinity, level: 99 }])), system.relations);
		expect([found.get('x25')!.lower, found.get('x25')!.upper]).toEqual([0, 20]);
	});

	it('a chain of 9,001 is not, but a suspect its neighbours leave open is: its middle value is 20 wide', async () => {
		// More values than EXACT_UNKNOWNS (8,000): the middle value is solved among the 300 around it first. Without the
		// relations reaching beyond them it is 20 wide, which proves nothing; with the chain beyond held at its true
		// values it is pinned, which proves nothing either. A suspect so left open, one of a few (FEW_SUSPECTS), is solved
		// over the whole chain: 20 wide, as the chain of 51.
		const { system, withheld } = chain(9001);
		const wide = new Set<string>();
		expect(await narrowTogether(system, withheld, wide, new Set(['x4500']))).toEqual(new Set());
		expect(wide.has('x4500')).toBe(true);
	});

	it('many suspects of a chain of 9,001 are shown wide together by a few solves over the whole chain', async () => {
		// Nine suspects, more than FEW_SUSPECTS, a thousand values apart: every value of the chain moves with the first,
		// so an objective over the nine moves each to 0 or 20, and solves of other signs to the other end: all 20 wide.
		const { system, withheld } = chain(9001);
		const suspects = new Set(Array.from({ length: 9 }, (_, k) => `x${500 + 1000 * k}`));
		const wide = new Set<string>();
		expect(await narrowTogether(system, withheld, wide, suspects)).toEqual(new Set());
		expect(wide).toEqual(suspects);
	});

	it('a value its own published cap holds narrow is narrow, however large the part', async () => {
		// The chain with the middle value's cap published: x4500 ≤ 12, so it lies in [0, 12], 12 wide, under 15. The
		// relations wholly among the values around it show that alone, and they hold in the whole part too.
		const { system, withheld } = chain(9001, { values: [['cap', 12]], relations: [{ terms: [['x4500', 1], ['cap', -1]], lower: -Infinity, upper: 0 }] });
		const wide = new Set<string>();
		expect(await narrowTogether(system, withheld, wide, new Set(['x4500']))).toEqual(new Set(['x4500']));
		expect(wide.size).toBe(0);
	});

	it('a value that trades with its neighbours is shown wide among them, however large the part', async () => {
		// Two more withheld values of 10, a and b, with x4500 + a + b = 30 published: x4500 held, a + b = 20 and a lies in
		// [0, 20], 20 wide, among the values around it; so in the whole part too.
		const tie: Relation = { terms: [['t', -1], ['x4500', 1], ['a', 1], ['b', 1]], lower: 0, upper: 0 };
		const { system, withheld } = chain(9001, { values: [['a', 10], ['b', 10], ['t', 30]], relations: [tie] });
		const wide = new Set<string>();
		expect(await narrowTogether(system, new Set([...withheld, 'a', 'b']), wide, new Set(['a']))).toEqual(new Set());
		expect(wide.has('a')).toBe(true);
	});
});

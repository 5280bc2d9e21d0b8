/**
 * Protection levels for the public profile (#20): which withheld values an
 * attacker with inequalities could narrow to less than their protection
 * level, as τ-ARGUS and Statistics Norway's GaussSuppression check them.
 *
 * The attacker knows every published value, the sums that tie the cells,
 * the input contract's rules (a part is at most its caseload, …) and that
 * counts are not negative and whole. For a withheld value x, the interval it
 * can be narrowed to runs from the least to the greatest x of any table that
 * fits all of that: two linear programs (HiGHS), over one model per period
 * whose unknowns are the withheld values, each solve starting from the last
 * one's basis. The true table is one such table, and every solution found is
 * another, for all values at once: a value seen to spread as wide as its
 * level needs no program of its own.
 */
import highsLoader from 'highs';

/** Σ coefficient × value between lower and upper (equal for a sum). */
export interface Relation {
	terms: readonly (readonly [id: string, coefficient: number])[];
	lower: number;
	upper: number;
}

export interface ProtectionSystem {
	/** Every value of the period, withheld or not, in the unit its sums hold in. */
	values: ReadonlyMap<string, number>;
	relations: readonly Relation[];
	/** How wide each value's interval must stay, in the same unit. */
	level: (id: string) => number;
	/** Whole numbers: an attacker rounds the ends inward. */
	integer: (id: string) => boolean;
	/** Values solved together (a column), the rest held at their true values. */
	group: (id: string) => string;
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | undefined;

/**
 * The withheld values not shown to be as wide as their level. `wide` holds
 * the values already shown wide: withholding more only widens every
 * interval, so they are not solved again.
 *
 * Each group of values (a column) is solved alone, the other groups held at
 * their true values: a much smaller program, and a table that fits it fits
 * the whole system too, so a value it shows wide is wide. A value it does
 * not show wide is taken as narrow, though the whole system might move it
 * further: that withholds a little more than needed, never less.
 */
export async function narrowValues(system: ProtectionSystem, withheld: ReadonlySet<string>, wide: Set<string>): Promise<Set<string>> {
	const highs = await (loading ??= highsLoader());
	const narrow = new Set<string>();
	for (const group of new Set([...withheld].map(system.group))) {
		const alone = new Set([...withheld].filter((id) => system.group(id) === group));
		for (const part of independentParts(system, alone)) for (const id of narrowIn(highs, system, part, wide)) narrow.add(id);
	}
	return narrow;
}

/**
 * Of `suspects`, those narrower than their level over the whole system, all
 * groups free together: for a value that only another column holds in place
 * (days waited where nobody enrolled, that count withheld too).
 */
export async function narrowTogether(system: ProtectionSystem, withheld: ReadonlySet<string>, wide: Set<string>, suspects: ReadonlySet<string>): Promise<Set<string>> {
	const highs = await (loading ??= highsLoader());
	const others = new Set([...withheld].filter((id) => !suspects.has(id)));
	// Only the suspects are solved: the rest count as shown wide for this call.
	const solved = new Set([...wide, ...others]);
	const narrow = new Set<string>();
	for (const part of independentParts(system, withheld)) if (part.unknowns.some((id) => suspects.has(id))) for (const id of narrowIn(highs, system, part, solved)) narrow.add(id);
	for (const id of suspects) if (!narrow.has(id)) wide.add(id);
	return narrow;
}

/** The withheld values split into systems that share no relation, each with its relations. */
function independentParts(system: ProtectionSystem, withheld: ReadonlySet<string>) {
	const root = new Map<string, string>();
	const find = (id: string): string => {
		let r = id;
		while (root.get(r) !== r) r = root.get(r)!;
		root.set(id, r);
		return r;
	};
	for (const id of withheld) if (system.values.has(id)) root.set(id, id);
	const unknownsOf = system.relations.map((relation) => relation.terms.map(([id]) => id).filter((id) => root.has(id)));
	for (const ids of unknownsOf) for (const id of ids.slice(1)) root.set(find(id), find(ids[0]!));
	const parts = new Map<string, { unknowns: string[]; relations: Relation[] }>();
	for (const id of [...root.keys()].sort()) {
		const r = find(id);
		if (!parts.has(r)) parts.set(r, { unknowns: [], relations: [] });
		parts.get(r)!.unknowns.push(id);
	}
	system.relations.forEach((relation, i) => {
		const first = unknownsOf[i]![0];
		if (first !== undefined) parts.get(find(first))!.relations.push(relation);
	});
	return [...parts.values()];
}

/** A few objectives of random signs before the values one by one: each solution spreads many values at once. */
const SPREADING_SOLVES = 6;

function narrowIn(highs: Highs, system: ProtectionSystem, part: { unknowns: string[]; relations: Relation[] }, wide: Set<string>): string[] {
	const { unknowns } = part;
	const index = new Map(unknowns.map((id, j) => [id, j]));
	const starts = [0];
	const indices: number[] = [];
	const coefficients: number[] = [];
	const lower: number[] = [];
	const upper: number[] = [];
	for (const relation of part.relations) {
		let known = 0;
		const row = new Map<number, number>();
		for (const [id, c] of relation.terms) {
			const j = index.get(id);
			if (j === undefined) known += c * system.values.get(id)!;
			else row.set(j, (row.get(j) ?? 0) + c);
		}
		const entries = [...row].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
		for (const [j, c] of entries) {
			indices.push(j);
			coefficients.push(c);
		}
		starts.push(indices.length);
		lower.push(Number.isFinite(relation.lower) ? relation.lower - known : -highs.infinity);
		upper.push(Number.isFinite(relation.upper) ? relation.upper - known : highs.infinity);
	}
	// The true table is a point every interval holds.
	const least = unknowns.map((id) => system.values.get(id)!);
	const greatest = [...least];
	const level = unknowns.map((id) => system.level(id));
	const whole = unknowns.map((id) => system.integer(id));
	// How far apart the tables found so far put a value; for a whole number, as an attacker rounds the ends inward.
	const spread = (j: number) => (whole[j] ? Math.floor(greatest[j]! + 1e-6) - Math.ceil(least[j]! - 1e-6) : greatest[j]! - least[j]!);
	const open = () => unknowns.filter((id, j) => !wide.has(id) && spread(j) < level[j]!);
	if (!open().length) return [];
	const model = highs.createModel({
		numCols: unknowns.length,
		numRows: lower.length,
		colCost: new Float64Array(unknowns.length),
		colLower: new Float64Array(unknowns.length),
		colUpper: unknowns.map(() => highs.infinity),
		rowLower: lower,
		rowUpper: upper,
		matrix: { format: 'csr', numRows: lower.length, numCols: unknowns.length, starts, indices, values: coefficients },
	});
	try {
		// Presolve would set each re-solve's basis aside; a new objective leaves the last basis feasible, so the primal simplex starts from it.
		model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 });
		const solve = (sense: 'maximize' | 'minimize') => {
			model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
			model.run();
			const status = model.getModelStatus();
			if (status === highs.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
			if (status !== highs.constants.modelStatus.optimal) throw new Error(`protection check: the solver ended with status ${status}`);
			const x = model.getSolution().colValue;
			for (let k = 0; k < unknowns.length; k++) {
				if (x[k]! < least[k]!) least[k] = x[k]!;
				if (x[k]! > greatest[k]!) greatest[k] = x[k]!;
			}
			return model.getObjectiveValue();
		};
		// Signs from a fixed sequence, so that the same inputs give the same outputs.
		let seed = unknowns.length;
		const sign = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) < 1073741824 ? 1 : -1);
		for (let round = 0; round < SPREADING_SOLVES && open().length > 1; round++) {
			model.changeColsCost({ kind: 'range', from: 0, to: unknowns.length - 1 }, unknowns.map(sign));
			solve('maximize');
		}
		model.changeColsCost({ kind: 'range', from: 0, to: unknowns.length - 1 }, new Float64Array(unknowns.length));
		const narrow: string[] = [];
		for (let j = 0; j < unknowns.length; j++) {
			const id = unknowns[j]!;
			if (wide.has(id) || spread(j) >= level[j]!) {
				wide.add(id);
				continue;
			}
			model.changeColCost(j, 1);
			let top = solve('maximize');
			let bottom = spread(j) >= level[j]! ? least[j]! : solve('minimize');
			model.changeColCost(j, 0);
			if (whole[j]) [top, bottom] = [Math.floor(top + 1e-6), Math.ceil(bottom - 1e-6)];
			if (top - bottom >= level[j]!) wide.add(id);
			else narrow.push(id);
		}
		return narrow;
	} finally {
		model.dispose();
	}
}

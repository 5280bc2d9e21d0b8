/**
 * The attacker's solver (#20), written apart from the pipeline: the
 * narrowest interval that linear relations, bounds and whole numbers leave
 * each unknown value, by linear programming with HiGHS.
 *
 * An unknown is narrow only when two linear programs over its whole system
 * (the unknowns tied to it by relations), maximise it and minimise it, end
 * less than its level apart. Whole numbers are applied as an attacker would
 * to the bounds of the relaxation: the maximum rounded down, the minimum up.
 *
 * Any table that fits every relation shows each unknown at least as wide as
 * the spread of the tables found, so most unknowns need no program of their
 * own, and a national build (ten times the units) stays within reach:
 *
 * 1. a few programs over the whole system with objectives of random signs
 *    spread many unknowns at once, and their mean is a table inside it;
 * 2. each group of unknowns (a column) is then solved alone, the other
 *    groups held at that table: a program the size of one column, whose
 *    every solution fits the whole system too;
 * 3. only the unknowns still not shown wide get their two programs over the
 *    whole system, which alone can call one narrow.
 */
import highsLoader from 'highs';

/** Σ coefficient × value, between lower and upper (equal for an equation). Terms name known or unknown values. */
export interface Relation {
	terms: readonly (readonly [id: string, coefficient: number])[];
	lower: number;
	upper: number;
}

export interface Unknown {
	/** Whole numbers only. */
	integer: boolean;
	/** Bounds known before any relation (0 and Infinity for a count). */
	lower: number;
	upper: number;
	/** The interval is narrow when it is less wide than this. */
	level: number;
}

export interface Interval {
	lower: number;
	/** Upper end found; when `wide`, only that the interval is at least `level` wide (no program was needed). */
	upper: number;
	wide: boolean;
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Highs | undefined;

/** Programs with objectives of random signs over a whole system, before its unknowns one by one. */
const SPREADING_SOLVES = 6;

/**
 * `group` names the unknowns solved together in step 2 (by default all of a
 * system's, which skips it).
 */
export async function intervals(
	known: ReadonlyMap<string, number>,
	unknowns: ReadonlyMap<string, Unknown>,
	relations: readonly Relation[],
	group: (id: string) => string = () => '',
): Promise<Map<string, Interval>> {
	solver ??= await highsLoader();
	const highs = solver;
	const result = new Map<string, Interval>();
	const seen = new Spread();
	for (const system of systemsOf(unknowns, relations)) {
		const whole = new Program(highs, system.ids, system.relations, (id) => known.get(id), unknowns, seen);
		try {
			const centre = whole.spread(SPREADING_SOLVES);
			const byGroup = new Map<string, string[]>();
			for (const id of system.ids) {
				const ids = byGroup.get(group(id));
				if (ids) ids.push(id);
				else byGroup.set(group(id), [id]);
			}
			if (centre && byGroup.size > 1) {
				for (const ids of byGroup.values()) {
					const alone = new Map(ids.filter((id) => !seen.wide(id, unknowns.get(id)!)).map((id) => [id, unknowns.get(id)!]));
					if (!alone.size) continue;
					const held = (id: string) => known.get(id) ?? centre.get(id);
					for (const part of systemsOf(alone, system.relations)) {
						const program = new Program(highs, part.ids, part.relations, held, unknowns, seen);
						try {
							// Held at a table that fits only within the solver's tolerance, a part may have no solution: step 3 answers for it.
							if (program.spread(SPREADING_SOLVES)) program.rangeEach(() => {});
						} finally {
							program.dispose();
						}
					}
				}
			}
			if (!whole.rangeEach((id, interval) => result.set(id, interval))) throw new Error(`the attacker's program has no solution: the published values contradict their relations`);
		} finally {
			whole.dispose();
		}
	}
	return result;
}

/** The least and greatest value each unknown took in any table found. */
class Spread {
	least = new Map<string, number>();
	greatest = new Map<string, number>();
	see(id: string, value: number) {
		if (!(value >= (this.least.get(id) ?? Infinity))) this.least.set(id, value);
		if (!(value <= (this.greatest.get(id) ?? -Infinity))) this.greatest.set(id, value);
	}
	/** How wide, rounded inward for a whole number as the attacker would. */
	width(id: string, u: Unknown): number {
		const [lo, hi] = [this.least.get(id) ?? Infinity, this.greatest.get(id) ?? -Infinity];
		return u.integer ? Math.floor(hi + 1e-6) - Math.ceil(lo - 1e-6) : hi - lo;
	}
	wide(id: string, u: Unknown): boolean {
		return this.width(id, u) >= u.level;
	}
}

/** One system as a HiGHS model over its unknowns, the other values of its relations known (or held). */
class Program {
	private model;
	constructor(
		private highs: Highs,
		private ids: readonly string[],
		relations: readonly Relation[],
		value: (id: string) => number | undefined,
		private unknowns: ReadonlyMap<string, Unknown>,
		private seen: Spread,
	) {
		const column = new Map(ids.map((id, j) => [id, j]));
		const starts = [0];
		const indices: number[] = [];
		const values: number[] = [];
		const rowLower: number[] = [];
		const rowUpper: number[] = [];
		for (const relation of relations) {
			let constant = 0;
			const row = new Map<number, number>();
			for (const [id, coefficient] of relation.terms) {
				const j = column.get(id);
				if (j !== undefined) row.set(j, (row.get(j) ?? 0) + coefficient);
				else {
					const v = value(id);
					if (v === undefined) throw new Error(`a relation names ${id}, neither known nor unknown`);
					constant += coefficient * v;
				}
			}
			for (const [j, v] of [...row].sort((a, b) => a[0] - b[0])) {
				if (v === 0) continue;
				indices.push(j);
				values.push(v);
			}
			starts.push(indices.length);
			rowLower.push(relation.lower - constant);
			rowUpper.push(relation.upper - constant);
		}
		const finite = (v: number) => (Number.isFinite(v) ? v : v > 0 ? highs.infinity : -highs.infinity);
		const spec = ids.map((id) => unknowns.get(id)!);
		this.model = highs.createModel({
			numCols: ids.length,
			numRows: rowLower.length,
			colCost: new Float64Array(ids.length),
			colLower: spec.map((u) => finite(u.lower)),
			colUpper: spec.map((u) => finite(u.upper)),
			rowLower: rowLower.map(finite),
			rowUpper: rowUpper.map(finite),
			matrix: { format: 'csr', numRows: rowLower.length, numCols: ids.length, starts, indices, values },
		});
		this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 });
	}

	dispose() {
		this.model.dispose();
	}

	/** The optimum (±Infinity when unbounded, undefined when nothing fits); a bounded solution is seen. */
	private optimum(sense: 'maximize' | 'minimize'): number | undefined {
		const { highs, model } = this;
		model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
		model.run();
		const status = model.getModelStatus();
		if (status === highs.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
		if (status !== highs.constants.modelStatus.optimal) return undefined;
		const x = model.getSolution().colValue;
		this.ids.forEach((id, j) => this.seen.see(id, x[j]!));
		return model.getObjectiveValue();
	}

	/** A few solutions with objectives of random signs; their mean, a table inside the system (undefined when none is bounded). */
	spread(solves: number): Map<string, number> | undefined {
		const n = this.ids.length;
		const sum = new Float64Array(n);
		let count = 0;
		// Signs from a fixed sequence, so that the same inputs give the same answers.
		let seed = n;
		const sign = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) < 1073741824 ? 1 : -1);
		const all = { kind: 'range', from: 0, to: n - 1 } as const;
		for (let round = 0; round <= solves; round++) {
			// The first has no objective: any table that fits.
			this.model.changeColsCost(all, round === 0 ? new Float64Array(n) : Float64Array.from(this.ids, sign));
			const v = this.optimum('maximize');
			if (v === undefined && round === 0) return undefined;
			if (v === undefined || !Number.isFinite(v)) continue;
			const x = this.model.getSolution().colValue;
			for (let j = 0; j < n; j++) sum[j] = sum[j]! + x[j]!;
			count++;
		}
		this.model.changeColsCost(all, new Float64Array(n));
		return count ? new Map(this.ids.map((id, j) => [id, sum[j]! / count])) : undefined;
	}

	/** Each unknown not yet seen wide gets its two programs; `found` hears every unknown's interval. False when a program has no solution. */
	rangeEach(found: (id: string, interval: Interval) => void): boolean {
		const { seen, unknowns } = this;
		for (const [j, id] of this.ids.entries()) {
			const u = unknowns.get(id)!;
			if (seen.wide(id, u)) {
				found(id, { lower: seen.least.get(id)!, upper: seen.greatest.get(id)!, wide: true });
				continue;
			}
			this.model.changeColCost(j, 1);
			let upper = this.optimum('maximize');
			let lower = seen.wide(id, u) ? seen.least.get(id) : this.optimum('minimize');
			this.model.changeColCost(j, 0);
			if (upper === undefined || lower === undefined) return false;
			if (seen.wide(id, u)) {
				found(id, { lower: seen.least.get(id)!, upper: seen.greatest.get(id)!, wide: true });
				continue;
			}
			if (u.integer) {
				upper = Math.floor(upper + 1e-6);
				lower = Math.ceil(lower - 1e-6) + 0; // + 0: no −0
			}
			found(id, { lower, upper, wide: upper - lower >= u.level });
		}
		return true;
	}
}

/** Unknowns split into systems that share no relation, each with its relations. */
function systemsOf(unknowns: ReadonlyMap<string, Unknown>, relations: readonly Relation[]) {
	const parent = new Map<string, string>();
	const find = (id: string): string => {
		let root = id;
		while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
		parent.set(id, root);
		return root;
	};
	for (const id of unknowns.keys()) parent.set(id, id);
	const involved = relations.map((r) => r.terms.map(([id]) => id).filter((id) => unknowns.has(id)));
	for (const ids of involved) for (const id of ids.slice(1)) parent.set(find(id), find(ids[0]!));
	const systems = new Map<string, { ids: string[]; relations: Relation[] }>();
	for (const id of unknowns.keys()) {
		const root = find(id);
		if (!systems.has(root)) systems.set(root, { ids: [], relations: [] });
		systems.get(root)!.ids.push(id);
	}
	relations.forEach((relation, i) => {
		const first = involved[i]![0];
		if (first !== undefined) systems.get(find(first))!.relations.push(relation);
	});
	return [...systems.values()];
}

/**
 * The attacker's solver (#20), written apart from the pipeline: the
 * narrowest interval that linear relations, bounds and whole numbers leave
 * each unknown value, by linear programming with HiGHS.
 *
 * Every unknown gets two linear programs, maximise it and minimise it, over
 * one persistent model per independent system (unknowns tied by relations),
 * so each solve starts from the last one's basis. Every solution is a
 * feasible point for all the system's unknowns at once: an unknown already
 * seen to spread as wide as its level needs no program of its own (the
 * attacker only has to find the narrow ones). Whole numbers are applied as
 * an attacker would to the bounds of the relaxation: the maximum rounded
 * down, the minimum up.
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

let solver: Awaited<ReturnType<typeof highsLoader>> | undefined;

export async function intervals(known: ReadonlyMap<string, number>, unknowns: ReadonlyMap<string, Unknown>, relations: readonly Relation[]): Promise<Map<string, Interval>> {
	solver ??= await highsLoader();
	const highs = solver;
	const result = new Map<string, Interval>();
	for (const system of systemsOf(unknowns, relations)) {
		const ids = system.ids;
		const column = new Map(ids.map((id, j) => [id, j]));
		const starts = [0];
		const indices: number[] = [];
		const values: number[] = [];
		const rowLower: number[] = [];
		const rowUpper: number[] = [];
		for (const relation of system.relations) {
			let constant = 0;
			const row = new Map<number, number>();
			for (const [id, coefficient] of relation.terms) {
				const j = column.get(id);
				if (j !== undefined) row.set(j, (row.get(j) ?? 0) + coefficient);
				else {
					const value = known.get(id);
					if (value === undefined) throw new Error(`a relation names ${id}, neither known nor unknown`);
					constant += coefficient * value;
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
		const spec = ids.map((id) => unknowns.get(id)!);
		const lo = spec.map(() => Infinity);
		const hi = spec.map(() => -Infinity);
		const see = (x: Float64Array | readonly number[]) => {
			for (let j = 0; j < ids.length; j++) {
				if (x[j]! < lo[j]!) lo[j] = x[j]!;
				if (x[j]! > hi[j]!) hi[j] = x[j]!;
			}
		};
		const model = highs.createModel({
			numCols: ids.length,
			numRows: rowLower.length,
			colCost: new Float64Array(ids.length),
			colLower: spec.map((u) => u.lower),
			colUpper: spec.map((u) => (Number.isFinite(u.upper) ? u.upper : highs.infinity)),
			rowLower: rowLower.map((v) => (Number.isFinite(v) ? v : -highs.infinity)),
			rowUpper: rowUpper.map((v) => (Number.isFinite(v) ? v : highs.infinity)),
			matrix: { format: 'csr', numRows: rowLower.length, numCols: ids.length, starts, indices, values },
		});
		try {
			model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 });
			const optimum = (sense: 'maximize' | 'minimize') => {
				model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
				model.run();
				const status = model.getModelStatus();
				if (status === highs.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
				if (status !== highs.constants.modelStatus.optimal) throw new Error(`the attacker's program ended ${status}: the published values contradict their relations`);
				see(model.getSolution().colValue);
				return model.getObjectiveValue();
			};
			// Rounded inward for a whole number, as the attacker would.
			const width = (j: number) => (spec[j]!.integer ? Math.floor(hi[j]! + 1e-6) - Math.ceil(lo[j]! - 1e-6) : hi[j]! - lo[j]!);
			for (let j = 0; j < ids.length; j++) {
				const u = spec[j]!;
				if (width(j) >= u.level) {
					result.set(ids[j]!, { lower: lo[j]!, upper: hi[j]!, wide: true });
					continue;
				}
				model.changeColCost(j, 1);
				let upper = optimum('maximize');
				let lower = width(j) >= u.level ? lo[j]! : optimum('minimize');
				model.changeColCost(j, 0);
				if (u.integer) {
					upper = Math.floor(upper + 1e-6);
					lower = Math.ceil(lower - 1e-6) + 0; // + 0: no −0
				}
				result.set(ids[j]!, { lower, upper, wide: upper - lower >= u.level });
			}
		} finally {
			model.dispose();
		}
	}
	return result;
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

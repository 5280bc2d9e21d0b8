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
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | undefined;

/**
 * The withheld values whose interval is narrower than their level. `wide`
 * holds the values already shown wide enough: withholding more only widens
 * every interval, so they are not solved again.
 */
export async function narrowValues(system: ProtectionSystem, withheld: ReadonlySet<string>, wide: Set<string>): Promise<Set<string>> {
	const highs = await (loading ??= highsLoader());
	const unknowns = [...withheld].filter((id) => system.values.has(id)).sort();
	const index = new Map(unknowns.map((id, j) => [id, j]));
	const starts = [0];
	const indices: number[] = [];
	const coefficients: number[] = [];
	const lower: number[] = [];
	const upper: number[] = [];
	for (const relation of system.relations) {
		let known = 0;
		const row = new Map<number, number>();
		for (const [id, c] of relation.terms) {
			const j = index.get(id);
			if (j === undefined) known += c * system.values.get(id)!;
			else row.set(j, (row.get(j) ?? 0) + c);
		}
		const entries = [...row].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
		if (!entries.length) continue;
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
	const spread = (j: number) => greatest[j]! - least[j]!;
	const narrow = new Set<string>();
	if (!unknowns.length) return narrow;
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
		model.options.set({ output_flag: false });
		const extreme = (sense: 'maximize' | 'minimize', j: number) => {
			model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
			model.run();
			const status = model.getModelStatus();
			if (status === highs.constants.modelStatus.unbounded) return sense === 'maximize' ? Infinity : -Infinity;
			if (status !== highs.constants.modelStatus.optimal) throw new Error(`protection check of ${unknowns[j]}: the solver ended with status ${status}`);
			const x = model.getSolution().colValue;
			for (let k = 0; k < unknowns.length; k++) {
				if (x[k]! < least[k]!) least[k] = x[k]!;
				if (x[k]! > greatest[k]!) greatest[k] = x[k]!;
			}
			return model.getObjectiveValue();
		};
		for (let j = 0; j < unknowns.length; j++) {
			const id = unknowns[j]!;
			const level = system.level(id);
			if (wide.has(id) || spread(j) >= level) {
				wide.add(id);
				continue;
			}
			model.changeColCost(j, 1);
			let top = extreme('maximize', j);
			let bottom = spread(j) >= level ? least[j]! : extreme('minimize', j);
			model.changeColCost(j, 0);
			if (system.integer(id)) [top, bottom] = [Math.floor(top + 1e-6), Math.ceil(bottom - 1e-6)];
			if (top - bottom >= level) wide.add(id);
			else narrow.add(id);
		}
	} finally {
		model.dispose();
	}
	return narrow;
}

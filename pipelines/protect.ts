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
 * whose unknowns are the withheld values, each solve presolved. The true table is one such table, and every solution found is
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
 *
 * Alone, a rule over one withheld value is a bound on it, and a value that
 * is a part in one sum and nowhere else (a unit in its cube cell) can trade
 * with the other such parts of that sum freely: they are solved as one
 * value, their total, and each part's interval follows from the total's
 * (the most it can be is the total's greatest less the others' least, and
 * so on). The program is then the size of the cube, however many units.
 */
export async function narrowValues(system: ProtectionSystem, withheld: ReadonlySet<string>, wide: Set<string>): Promise<Set<string>> {
	const highs = await (loading ??= highsLoader());
	const narrow = new Set<string>();
	for (const group of new Set([...withheld].map(system.group))) {
		const alone = new Set([...withheld].filter((id) => system.group(id) === group));
		for (const part of independentParts(system, alone)) {
			const program = programOf(system, part);
			if (program.unknowns.every((u) => wide.has(u.id) || u.level <= 0)) continue;
			for (const id of narrowPooled(highs, program, wide)) narrow.add(id);
		}
	}
	return narrow;
}

/**
 * Of `suspects`, those narrower than their level over the whole system, all
 * groups free together: for a value that only another column holds in place
 * (days waited where nobody enrolled, that count withheld too). `extremes`
 * is told, for each narrow value, the relations that hold it.
 */
export async function narrowTogether(
	system: ProtectionSystem,
	withheld: ReadonlySet<string>,
	wide: Set<string>,
	suspects: ReadonlySet<string>,
	extremes?: Extremes,
): Promise<Set<string>> {
	const highs = await (loading ??= highsLoader());
	const narrow = new Set<string>();
	for (const part of independentParts(system, withheld)) {
		const inPart = part.unknowns.filter((id) => suspects.has(id) && !wide.has(id));
		if (!inPart.length) continue;
		if (part.unknowns.length > EXACT_UNKNOWNS) {
			for (const id of narrowAround(highs, system, part, inPart, wide, extremes)) narrow.add(id);
			continue;
		}
		const ranges = ranged(highs, programOf(system, part, new Set(inPart)), wide, extremes);
		for (const id of inPart) if (ranges.get(id) !== WIDE) narrow.add(id);
	}
	for (const id of suspects) if (!narrow.has(id)) wide.add(id);
	return narrow;
}

/**
 * The most values of a part solved whole, each suspect with its own two
 * programs. Every part of the demo and of ten times its units is under it
 * (a quarter's withheld values: about 4,000 at ten times), so there the
 * answer is exact. At a hundred times a quarter holds 10,000 to 57,000 (the
 * funnels' windows join four quarters), and whole programs for each of its
 * thousands of suspects kept the check running for over an hour.
 */
const EXACT_UNKNOWNS = 8000;

/** How many values around a suspect its own programs free, in a part too large to solve whole. */
const AROUND = 300;

/**
 * The most suspects of a part too large to solve whole that are still
 * solved over the whole part, each with its own two programs, once the
 * values around them leave them open: exact, and at a hundred times the
 * units no slower than the solves that spread many at once (1,337 s of CPU
 * against 1,333 s), since most values left open are narrow there too.
 */
const FEW_SUSPECTS = 8;

/**
 * The narrow suspects of a part too large to solve whole for each. Where
 * they are many, a few solves over the whole part show most of them wide at
 * once (see ranged). Each of the others is then solved among the values
 * around it, twice: with only the relations wholly among them, a program
 * every table of the whole system fits, so a value narrow there is narrow;
 * and with every relation that holds them, the values beyond held at their
 * true values, a program whose every table fits the whole system, so a
 * value wide there is wide. The few (FEW_SUSPECTS) that neither shows are
 * solved over the whole part; where more are left, they are taken as
 * narrow: that withholds more than needed, never less.
 */
function narrowAround(highs: Highs, system: ProtectionSystem, part: Part, suspects: readonly string[], wide: Set<string>, extremes?: Extremes): string[] {
	const spread = suspects.length > FEW_SUSPECTS ? ranged(highs, programOf(system, part, new Set(suspects)), wide, extremes, true) : new Map();
	const near = neighbourhoods(system, part);
	const narrow: string[] = [];
	const undecided: string[] = [];
	for (const id of suspects) {
		if (spread.get(id) === WIDE) continue;
		const around = near(id);
		const only = new Set([id]);
		// Shown wide without the relations that reach beyond them proves nothing: `wide` is not told.
		if (ranged(highs, programOf(system, { unknowns: around.unknowns, relations: around.inner }, only), new Set(), extremes).get(id) !== WIDE) narrow.push(id);
		else if (ranged(highs, programOf(system, around, only), wide, extremes).get(id) !== WIDE) undecided.push(id);
	}
	if (undecided.length > FEW_SUSPECTS) return [...narrow, ...undecided];
	const ranges = undecided.length ? ranged(highs, programOf(system, part, new Set(undecided)), wide, extremes) : new Map();
	return [...narrow, ...undecided.filter((id) => ranges.get(id) !== WIDE)];
}

/**
 * For each value of a part, the values around it: those that share a
 * relation with it, then those that share one with them, and so on, the
 * nearest first, up to AROUND of them; with every relation that holds any.
 */
function neighbourhoods(system: ProtectionSystem, part: Part) {
	const inPart = new Set(part.unknowns);
	// Every relation that holds a value of the part is the part's (see independentParts).
	const index = relationIndex(system);
	const relationsOf = (id: string) => (index.get(id) ?? []).map((i) => system.relations[i]!);
	return (id: string) => {
		const unknowns = [id];
		const seen = new Set(unknowns);
		const relations = new Set<Relation>();
		for (let i = 0; i < unknowns.length && unknowns.length < AROUND; i++) {
			for (const relation of relationsOf(unknowns[i]!)) {
				relations.add(relation);
				for (const [other] of relation.terms) {
					if (seen.has(other) || !inPart.has(other) || unknowns.length >= AROUND) continue;
					seen.add(other);
					unknowns.push(other);
				}
			}
		}
		// A relation of the last values taken that no earlier one held: it too holds them.
		for (const other of unknowns) for (const relation of relationsOf(other)) relations.add(relation);
		const inner = [...relations].filter((relation) => relation.terms.every(([other]) => seen.has(other) || !inPart.has(other)));
		return { unknowns, relations: [...relations], inner };
	};
}

/** Withheld values that share relations only among themselves, with those relations. */
interface Part {
	unknowns: string[];
	relations: Relation[];
}

/** The withheld values split into systems that share no relation, each with its relations. */
function independentParts(system: ProtectionSystem, withheld: ReadonlySet<string>): Part[] {
	const root = new Map<string, string>();
	const find = (id: string): string => {
		let r = id;
		while (root.get(r) !== r) r = root.get(r)!;
		root.set(id, r);
		return r;
	};
	for (const id of withheld) if (system.values.has(id)) root.set(id, id);
	// Only the relations that hold a withheld value, in the system's order: a period has ten times as many.
	const index = relationIndex(system);
	const holding = [...new Set([...root.keys()].flatMap((id) => index.get(id) ?? []))].sort((a, b) => a - b);
	const unknownsOf = holding.map((i) => system.relations[i]!.terms.map(([id]) => id).filter((id) => root.has(id)));
	for (const ids of unknownsOf) for (const id of ids.slice(1)) root.set(find(id), find(ids[0]!));
	const parts = new Map<string, Part>();
	for (const id of [...root.keys()].sort()) {
		const r = find(id);
		if (!parts.has(r)) parts.set(r, { unknowns: [], relations: [] });
		parts.get(r)!.unknowns.push(id);
	}
	holding.forEach((i, k) => parts.get(find(unknownsOf[k]![0]!))!.relations.push(system.relations[i]!));
	return [...parts.values()];
}

const relationIndexes = new WeakMap<readonly Relation[], Map<string, number[]>>();

/** For each value of a system, the places of the relations that hold it (kept while the system's relations are). */
function relationIndex(system: ProtectionSystem): Map<string, number[]> {
	let index = relationIndexes.get(system.relations);
	if (!index) {
		index = new Map();
		system.relations.forEach((relation, i) => {
			for (const [id] of relation.terms) {
				const places = index!.get(id) ?? index!.set(id, []).get(id)!;
				if (places.at(-1) !== i) places.push(i);
			}
		});
		relationIndexes.set(system.relations, index);
	}
	return index;
}

/** An unknown of a program: bounds, true value, the width it must have (0: none; Infinity: its ends are wanted), whole or not. */
interface Unknown {
	id: string;
	lower: number;
	upper: number;
	truth: number;
	level: number;
	integer: boolean;
	/** For an unknown whose ends are wanted: whether a range already seen is enough (every part of a pool shown wide in it). */
	enough?: (least: number, greatest: number) => boolean;
	/** For an unknown whose ends are wanted: how far above its true value it need go (a pool: its widest part's level). */
	reach?: number;
}

/** lower ≤ Σ coefficient × unknown ≤ upper, over the unknowns' ids. */
interface Row {
	terms: Map<string, number>;
	lower: number;
	upper: number;
	/** The system's relation it was written from. */
	source?: Relation;
}

interface Program {
	unknowns: Unknown[];
	rows: Row[];
}

/**
 * A system's part as a program over its withheld values: what is published,
 * and any withheld value not among them, moves to the rows' bounds at its
 * true value. Where `solve` is given, only its values get a level: the
 * others need no interval of their own.
 */
function programOf(system: ProtectionSystem, part: Part, solve?: ReadonlySet<string>): Program {
	const unknown = new Set(part.unknowns);
	const rows = part.relations.map((relation) => {
		let known = 0;
		const terms = new Map<string, number>();
		for (const [id, c] of relation.terms) {
			if (unknown.has(id)) terms.set(id, (terms.get(id) ?? 0) + c);
			else known += c * system.values.get(id)!;
		}
		for (const [id, c] of terms) if (c === 0) terms.delete(id);
		return { terms, lower: relation.lower - known, upper: relation.upper - known, source: relation };
	});
	const unknowns = part.unknowns.map((id) => ({ id, lower: 0, upper: Infinity, truth: system.values.get(id)!, level: !solve || solve.has(id) ? system.level(id) : 0, integer: system.integer(id) }));
	return { unknowns, rows: rows.filter((row) => row.terms.size) };
}

/** The program with its one-value rows made bounds and each sum's free parts pooled; `pools` says which parts each pool holds. */
function pooled(program: Program): { program: Program; pools: Map<string, Unknown[]> } {
	const byId = new Map(program.unknowns.map((u) => [u.id, { ...u }]));
	const rows: Row[] = [];
	for (const row of program.rows) {
		if (row.terms.size > 1) {
			rows.push(row);
			continue;
		}
		const [id, c] = [...row.terms][0]!;
		const u = byId.get(id)!;
		const [a, b] = [row.lower / c, row.upper / c];
		u.lower = Math.max(u.lower, Math.min(a, b));
		u.upper = Math.min(u.upper, Math.max(a, b));
	}
	const uses = new Map<string, number>();
	for (const row of rows) for (const id of row.terms.keys()) uses.set(id, (uses.get(id) ?? 0) + 1);
	const pools = new Map<string, Unknown[]>();
	rows.forEach((row, i) => {
		if (row.lower !== row.upper) return;
		const free = [...row.terms].filter(([id, c]) => c === 1 && uses.get(id) === 1).map(([id]) => byId.get(id)!);
		if (free.length < 2) return;
		const pool = `pool#${i}`;
		pools.set(pool, free);
		for (const u of free) {
			row.terms.delete(u.id);
			byId.delete(u.id);
		}
		row.terms.set(pool, 1);
		byId.set(pool, {
			id: pool,
			lower: free.reduce((sum, u) => sum + u.lower, 0),
			upper: free.reduce((sum, u) => sum + u.upper, 0),
			truth: free.reduce((sum, u) => sum + u.truth, 0),
			level: Infinity,
			integer: free.every((u) => u.integer),
			reach: Math.max(0, ...free.map((u) => u.level)),
			enough: (least, greatest) => free.every((u) => u.level <= 0 || partWidth(u, free, least, greatest) >= u.level),
		});
	});
	return { program: { unknowns: [...byId.values()], rows }, pools };
}

/** The narrow values of a program solved with its free parts pooled (see narrowValues). */
function narrowPooled(highs: Highs, program: Program, wide: Set<string>): string[] {
	const { program: reduced, pools } = pooled(program);
	// A pool's ends are wanted only where a part of it is still to be shown wide.
	for (const u of reduced.unknowns) if (pools.has(u.id) && pools.get(u.id)!.every((part) => wide.has(part.id) || part.level <= 0)) u.level = 0;
	const ranges = ranged(highs, reduced, wide);
	const narrow: string[] = [];
	for (const u of reduced.unknowns) {
		const parts = pools.get(u.id);
		if (!parts) {
			if (ranges.get(u.id) !== WIDE && u.level > 0) narrow.push(u.id);
			continue;
		}
		const range = ranges.get(u.id);
		if (range === WIDE) for (const p of parts) if (p.level > 0) wide.add(p.id);
		if (range === undefined || range === WIDE) continue;
		const [least, greatest] = range;
		for (const p of parts) {
			if (wide.has(p.id) || p.level <= 0) continue;
			if (partWidth(p, parts, least, greatest) >= p.level) wide.add(p.id);
			else narrow.push(p.id);
		}
	}
	return narrow;
}

/** A pooled part takes what the pool holds beyond the others: at most all but their least, at least all but their most. */
function partWidth(part: Unknown, parts: readonly Unknown[], least: number, greatest: number): number {
	let [othersLeast, othersMost] = [0, 0];
	for (const other of parts) if (other !== part) [othersLeast, othersMost] = [othersLeast + other.lower, othersMost + other.upper];
	return width(Math.min(part.upper, greatest - othersLeast), Math.max(part.lower, least - othersMost), part.integer);
}

/**
 * Told, for a value found narrow, the relations that hold it there: those
 * with a dual value at its greatest or least (a bound they prove).
 */
export type Extremes = (id: string, holding: ReadonlySet<Relation>) => void;

/** Marks an unknown shown as wide as its level. */
const WIDE = 'wide';

/** How wide an interval is; for a whole number, its ends rounded inward as an attacker would. */
const width = (top: number, bottom: number, integer: boolean) => (integer ? Math.floor(top + 1e-6) - Math.ceil(bottom - 1e-6) : top - bottom);

/** A few objectives of random signs before the values one by one: each solution spreads many values at once. */
const SPREADING_SOLVES = 6;

/**
 * Each unknown with a level: WIDE once shown as wide as it (and added to
 * `wide`), or its least and greatest value. An unknown whose level is
 * Infinity always gets its two ends; one whose level is 0 gets nothing.
 */
function ranged(highs: Highs, program: Program, wide: Set<string>, extremes?: Extremes, spreadOnly = false): Map<string, typeof WIDE | readonly [number, number]> {
	const { unknowns, rows } = program;
	const index = new Map(unknowns.map((u, j) => [u.id, j]));
	const starts = [0];
	const indices: number[] = [];
	const coefficients: number[] = [];
	for (const row of rows) {
		for (const [j, c] of [...row.terms].map(([id, c]) => [index.get(id)!, c] as const).sort((a, b) => a[0] - b[0])) {
			indices.push(j);
			coefficients.push(c);
		}
		starts.push(indices.length);
	}
	const finite = (v: number) => (Number.isFinite(v) ? v : v > 0 ? highs.infinity : -highs.infinity);
	// The true table is a point every interval holds.
	const least = unknowns.map((u) => u.truth);
	const greatest = [...least];
	const spread = (j: number) => width(greatest[j]!, least[j]!, unknowns[j]!.integer);
	const result = new Map<string, typeof WIDE | readonly [number, number]>();
	// A pool's id names it in this program alone (pool#0 is another pool in the next): `wide` holds values, never pools.
	const shownWide = (u: Unknown, j: number) => (u.enough ? u.enough(least[j]!, greatest[j]!) : wide.has(u.id) || spread(j) >= u.level);
	const markWide = (u: Unknown) => void (u.enough ? undefined : wide.add(u.id));
	const pending = () => unknowns.filter((u, j) => u.level > 0 && !shownWide(u, j));
	if (!pending().length) {
		for (const u of unknowns) if (u.level > 0) result.set(u.id, WIDE);
		return result;
	}
	const model = highs.createModel({
		numCols: unknowns.length,
		numRows: rows.length,
		colCost: new Float64Array(unknowns.length),
		colLower: unknowns.map((u) => finite(u.lower)),
		colUpper: unknowns.map((u) => finite(u.upper)),
		rowLower: rows.map((r) => finite(r.lower)),
		rowUpper: rows.map((r) => finite(r.upper)),
		matrix: { format: 'csr', numRows: rows.length, numCols: unknowns.length, starts, indices, values: coefficients },
	});
	try {
		// Presolved, each solve starts afresh on a program a fraction of the size. At ten times the units that took the
		// check 124 s, against 173 s re-solving from the last basis without presolve; the dual simplex (HiGHS's default) 610 s.
		model.options.set({ output_flag: false, presolve: 'on', solver: 'simplex', simplex_strategy: 4 });
		let holding = new Set<Relation>();
		/** The objective's greatest or least; undefined where a spreading solve (`spreading`) found nothing. */
		const solve = (sense: 'maximize' | 'minimize', spreading = false) => {
			model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
			model.run();
			const status = model.getModelStatus();
			// The true table fits, so a program presolve finds "infeasible or unbounded" is unbounded.
			if (status === highs.constants.modelStatus.unbounded || status === highs.constants.modelStatus.unboundedOrInfeasible) return sense === 'maximize' ? Infinity : -Infinity;
			// The true table fits the bounds added to spread too, but a stock times its weeks is not a whole number and the
			// sums miss by rounding: a spreading solve the solver finds infeasible shows nothing, and each value's own follow.
			if (spreading && status === highs.constants.modelStatus.infeasible) return undefined;
			if (status !== highs.constants.modelStatus.optimal) throw new Error(`protection check: the solver ended with status ${status}`);
			const x = model.getSolution().colValue;
			if (extremes) {
				const duals = model.getSolution().rowDual;
				rows.forEach((row, i) => {
					if (row.source && Math.abs(duals[i]!) > 1e-9) holding.add(row.source);
				});
			}
			for (let k = 0; k < unknowns.length; k++) {
				if (x[k]! < least[k]!) least[k] = x[k]!;
				if (x[k]! > greatest[k]!) greatest[k] = x[k]!;
			}
			return model.getObjectiveValue();
		};
		// Signs from a fixed sequence, so that the same inputs give the same outputs.
		let seed = unknowns.length;
		const sign = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) < 1073741824 ? 1 : -1);
		const all = { kind: 'range', from: 0, to: unknowns.length - 1 } as const;
		// A value that can grow without end made such an objective unbounded, and its solve showed nothing: while
		// spreading, each value weighed is kept within its level (and one) above its true value, as far as it needs to
		// go. A table found then fits the program without those bounds too. At ten times the units that took the
		// programs that free every column of a quarter from 71 s to 30 s.
		const spreadingUpper = unknowns.map((u) => (u.level > 0 ? Math.min(u.upper, u.truth + Math.ceil(u.reach ?? u.level) + 1) : u.upper));
		for (let round = 0; round < SPREADING_SOLVES && pending().length > 1; round++) {
			// Over the values still to be shown wide alone: an objective over every unknown moved them less.
			const open = new Set(pending());
			model.changeColsCost(all, unknowns.map((u) => (open.has(u) ? sign() : 0)));
			if (round === 0) model.changeColsBounds(all, unknowns.map((u) => finite(u.lower)), spreadingUpper.map(finite));
			solve('maximize', true);
		}
		model.changeColsBounds(all, unknowns.map((u) => finite(u.lower)), unknowns.map((u) => finite(u.upper)));
		model.changeColsCost(all, new Float64Array(unknowns.length));
		unknowns.forEach((u, j) => {
			if (u.level <= 0) return;
			if (spreadOnly && !shownWide(u, j)) return;
			if (shownWide(u, j)) {
				markWide(u);
				result.set(u.id, WIDE);
				return;
			}
			model.changeColCost(j, 1);
			holding = new Set();
			const top = solve('maximize')!;
			const bottom = shownWide(u, j) ? least[j]! : solve('minimize')!;
			model.changeColCost(j, 0);
			if (shownWide(u, j) || width(top, bottom, u.integer) >= u.level) {
				markWide(u);
				result.set(u.id, WIDE);
			} else {
				result.set(u.id, u.integer ? [Math.ceil(bottom - 1e-6), Math.floor(top + 1e-6)] : [bottom, top]);
				extremes?.(u.id, holding);
			}
		});
		return result;
	} finally {
		model.dispose();
	}
}

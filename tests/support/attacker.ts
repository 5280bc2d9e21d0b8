/**
 * The attacker of the suppression tests (#14), written apart from
 * pipelines/suppress.ts: it knows every published value and every linear
 * equation that ties them (a total and its parts, each with its factor) and
 * works out each withheld value the equations fix. It splits the equations
 * into independent systems (by the withheld values they share) and brings
 * each to reduced row echelon form with partial pivoting: a withheld value is
 * fixed when its pivot row has no other withheld value in it.
 */

/** One equation: Σ factor × value = 0 over its terms. */
export type Equation = readonly (readonly [id: string, factor: number])[];

/** The withheld values (null in `values`) that the equations fix, with the value each is fixed at. */
export function recover(values: ReadonlyMap<string, number | null>, equations: readonly Equation[]): Map<string, number> {
	const unknown = (id: string) => {
		if (!values.has(id)) throw new Error(`an equation names ${id}, which is not published or withheld`);
		return values.get(id) === null;
	};
	// Systems: equations joined by a withheld value they share.
	const parent = new Map<string, string>();
	const find = (id: string): string => {
		const p = parent.get(id) ?? id;
		if (p === id) return id;
		const root = find(p);
		parent.set(id, root);
		return root;
	};
	const relevant = equations.filter((e) => e.some(([id]) => unknown(id)));
	for (const e of relevant) {
		const ids = e.filter(([id]) => unknown(id)).map(([id]) => id);
		for (const id of ids.slice(1)) parent.set(find(id), find(ids[0]!));
	}
	const systems = new Map<string, Equation[]>();
	for (const e of relevant) {
		const root = find(e.find(([id]) => unknown(id))![0]);
		systems.set(root, [...(systems.get(root) ?? []), e]);
	}
	const recovered = new Map<string, number>();
	for (const system of systems.values()) for (const [id, value] of solve(system, values)) recovered.set(id, value);
	return recovered;
}

function solve(equations: readonly Equation[], values: ReadonlyMap<string, number | null>): Map<string, number> {
	const unknowns = [...new Set(equations.flatMap((e) => e.filter(([id]) => values.get(id) === null).map(([id]) => id)))];
	const column = new Map(unknowns.map((id, j) => [id, j]));
	const width = unknowns.length;
	// Each row: the factors of the withheld values, then the right-hand side (minus the published terms).
	const m = equations.map((e) => {
		const row = new Array<number>(width + 1).fill(0);
		for (const [id, factor] of e) {
			const j = column.get(id);
			if (j === undefined) row[width]! -= factor * values.get(id)!;
			else row[j]! += factor;
		}
		return row;
	});
	const pivots = new Map<number, number>();
	let r = 0;
	for (let c = 0; c < width && r < m.length; c++) {
		let best = r;
		for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[best]![c]!)) best = i;
		if (Math.abs(m[best]![c]!) < 1e-9) continue;
		[m[r], m[best]] = [m[best]!, m[r]!];
		const p = m[r]![c]!;
		for (let k = 0; k <= width; k++) m[r]![k]! /= p;
		for (let i = 0; i < m.length; i++) {
			if (i === r || m[i]![c] === 0) continue;
			const f = m[i]![c]!;
			for (let k = 0; k <= width; k++) m[i]![k]! -= f * m[r]![k]!;
		}
		pivots.set(c, r++);
	}
	const fixed = new Map<string, number>();
	for (const [c, row] of pivots) {
		if (m[row]!.every((v, k) => k === c || k === width || Math.abs(v) < 1e-9)) fixed.set(unknowns[c]!, m[row]![width]!);
	}
	return fixed;
}

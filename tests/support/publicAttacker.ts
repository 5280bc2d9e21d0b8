/**
 * The attacker of the public profile (#20), written apart from the
 * pipeline: it reads only the published files (and, as the strongest
 * attacker would have found by subset sums, each unit's team size) and asks,
 * for every withheld value, how narrow an interval everything published
 * leaves it. It knows:
 *
 * - every published value, and which cells the published cube must hold
 *   (each unit's region, organisation and funding are in `units`), so it
 *   also reasons over the cells a public build never publishes (units
 *   without a funding);
 * - that a cube cell is the sum of its parts along every key it spans, and
 *   a leaf the sum of its units; stocks sum as participant-weeks (the
 *   published mean per week times the cell's weeks);
 * - that counts are whole and not negative, and the input contract's rules:
 *   young adults, the employed and those in education are at most the
 *   caseload, days waited are 0 where nobody enrolled, unit-weeks reported
 *   at most those open, vacancy weeks at most unit-weeks, stayers at most
 *   those in post, a leaver and a reporting unit-week each at least one
 *   specialist-week.
 *
 * - that a unit's published window (public_windows: people in an average
 *   week over four quarters, rounded to WINDOW_ROUNDING) puts the sum of
 *   its quarters in a band: the four quarters are then one system.
 *
 * It solves linear programs over each table's period at once (four
 * quarters where a window ties them), all columns together (./intervals.ts).
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { groupBy } from '../../pipelines/groupBy.ts';
import { PROTECTION_LEVELS, WINDOW_COUNTS, WINDOW_ROUNDING } from '../../src/lib/contract/index.ts';
import { intervals, type Relation, type Unknown } from './intervals.ts';

type Row = Record<string, string | number | null>;
type Table = keyof typeof PROTECTION_LEVELS;

export interface Finding {
	table: Table;
	cell: string;
	column: string;
	lower: number;
	upper: number;
	level: number;
}

export interface Attack {
	/** Withheld published values, per table. */
	withheld: Record<Table, number>;
	/** Those whose interval is narrower than the protection level (in the column's published unit). */
	narrow: Finding[];
	/** Those pinned to one value. */
	exact: Finding[];
}

async function readRows(dir: string, mart: string): Promise<Row[]> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, `${mart}.parquet`)}')`);
		return reader.getRowObjectsJS().map((row) =>
			Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : (v as Row[string])])),
		);
	} finally {
		conn.closeSync();
	}
}

const STOCKS = new Set(['fte', 'waitlist', 'caseload', 'caseload_young', 'employed', 'in_education']);
const ALL = '*';

/**
 * `teams`: each unit's team size per year (`unit|year` → '1', '2-3' or '4+'), which places a unit in the
 * staffing cube's leaves. `only` attacks those tables alone (each table's system is its own: no count is in two).
 */
export async function attackPublic(dir: string, minCell: number, teams: ReadonlyMap<string, string>, only?: readonly Table[]): Promise<Attack> {
	const units = new Map((await readRows(dir, 'units')).map((u) => [u.unit_id as string, u]));
	const attack: Attack = { withheld: { public_cells: 0, public_staffing: 0, public_stability: 0 }, narrow: [], exact: [] };
	const tables: { table: Table; period: string; dims: string[]; unitKeys: (row: Row) => string[] }[] = [
		{ table: 'public_cells', period: 'quarter', dims: ['region_code', 'org_type', 'funding'], unitKeys: (row) => keysOfUnit(units.get(row.unit_id as string)!) },
		{
			table: 'public_staffing',
			period: 'year',
			dims: ['region_code', 'org_type', 'funding', 'team_size'],
			unitKeys: (row) => [...keysOfUnit(units.get(row.unit_id as string)!), teams.get(`${row.unit_id}|${row.year}`) ?? ''],
		},
		{ table: 'public_stability', period: 'quarter', dims: ['region_code', 'org_type', 'funding'], unitKeys: () => [] },
	];
	for (const spec of tables.filter((t) => !only || only.includes(t.table))) {
		const rows = await readRows(dir, spec.table);
		const levels = PROTECTION_LEVELS[spec.table];
		const columns = Object.keys(levels);
		const windows = spec.table === 'public_cells' ? await readRows(dir, 'public_windows') : [];
		const periods = groupBy(rows, (r) => String(r[spec.period]));
		for (const block of blocksOf([...periods.keys()], windows)) {
			// Each period's system, its ids prefixed with the period, and the windows' bands across them.
			const known = new Map<string, number>();
			const unknowns = new Map<string, Unknown>();
			const relations: Relation[] = [];
			const published = new Map<string, { factor: number; cell: string; column: string }>();
			for (const period of block.periods) {
				const system = buildSystem(spec.table, periods.get(period) ?? [], spec.dims, spec.unitKeys, columns, levels, minCell);
				const at = (id: string) => `${period}#${id}`;
				for (const [id, v] of system.known) known.set(at(id), v);
				for (const [id, u] of system.unknowns) unknowns.set(at(id), u);
				for (const r of system.relations) relations.push({ ...r, terms: r.terms.map(([id, c]) => [at(id), c] as const) });
				for (const [id, p] of system.published) published.set(at(id), { ...p, cell: `${p.cell} ${period}` });
			}
			for (const w of block.windows) {
				for (const column of WINDOW_COUNTS) {
					if (w[column] === null) continue;
					const terms = block.periods.map((q) => `${q}#${column}@unit:${w.unit_id}`).filter((id) => known.has(id) || unknowns.has(id));
					const [value, weeks] = [Number(w[column]), Number(w.weeks)];
					relations.push({ terms: terms.map((id) => [id, 1] as const), lower: (value - WINDOW_ROUNDING / 2) * weeks, upper: (value + WINDOW_ROUNDING / 2) * weeks });
				}
			}
			attack.withheld[spec.table] += published.size;
			// A column's values are solved alone first, the other columns held at a table that fits (./intervals.ts).
			const found = await intervals(known, unknowns, relations, (id) => id.slice(id.indexOf('#') + 1, id.indexOf('@')));
			for (const [id, { factor, cell, column }] of published) {
				const interval = found.get(id)!;
				const level = levels[column]!(minCell);
				const finding = { table: spec.table, cell, column, lower: interval.lower / factor, upper: interval.upper / factor, level };
				if (!interval.wide) attack.narrow.push(finding);
				if (!interval.wide && interval.upper - interval.lower < 1e-6 * factor) attack.exact.push(finding);
			}
		}
	}
	return attack;
}

/** The periods solved together: the four quarters of each published window, every other period alone. */
function blocksOf(periods: readonly string[], windows: readonly Row[]): { periods: string[]; windows: Row[] }[] {
	const byEnd = groupBy(windows, (w) => String(w.quarter));
	const blocks: { periods: string[]; windows: Row[] }[] = [];
	const taken = new Set<string>();
	for (const [end, rows] of byEnd) {
		const quarters = [9, 6, 3, 0].map((months) => monthsBefore(end, months)).filter((q) => periods.includes(q));
		for (const q of quarters) taken.add(q);
		blocks.push({ periods: quarters, windows: rows });
	}
	for (const period of periods) if (!taken.has(period)) blocks.push({ periods: [period], windows: [] });
	return blocks;
}

const monthsBefore = (quarter: string, months: number) => {
	const [y, m] = quarter.split('-').map(Number) as [number, number];
	const index = y * 12 + m - 1 - months;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

const keysOfUnit = (u: Row) => [u.region_code as string, u.org_type as string, (u.funding_current as string | null) ?? ''];

/** One period of one table as a linear system: its withheld and never-published values are the unknowns. */
function buildSystem(table: Table, group: Row[], dims: string[], unitKeys: (row: Row) => string[], columns: string[], levels: Record<string, (m: number) => number>, minCell: number) {
	const known = new Map<string, number>();
	const unknowns = new Map<string, Unknown>();
	const relations: Relation[] = [];
	const published = new Map<string, { factor: number; cell: string; column: string }>();
	const unitRows = group.filter((r) => r.unit_id != null);
	const cubeRows = new Map(group.filter((r) => r.unit_id == null).map((r) => [dims.map((d) => (r[d] as string | null) ?? ALL).join('|'), r]));
	// Every cube cell the units make, published or not: each unit's keys with any of them spanned.
	const cells = new Set<string>(cubeRows.keys());
	for (const row of unitRows) {
		const keys = unitKeys(row);
		for (let mask = 0; mask < 1 << dims.length; mask++) cells.add(keys.map((k, i) => (mask & (1 << i) ? ALL : k)).join('|'));
	}
	const cellIds = [...cells].map((key) => `cube:${key}`);
	const unitIds = unitRows.map((r) => `unit:${r.unit_id}`);
	const rowOf = new Map<string, Row | undefined>([...[...cells].map((key) => [`cube:${key}`, cubeRows.get(key)] as const), ...unitRows.map((r) => [`unit:${r.unit_id}`, r] as const)]);
	const weeksOf = (row: Row) => Number(row.weeks ?? 0);
	for (const cell of [...cellIds, ...unitIds]) {
		const row = rowOf.get(cell);
		for (const column of columns) {
			const id = `${column}@${cell}`;
			// A stock is published per week of its cell, and headcount per week of the year: they sum as people × weeks.
			const perWeek = (table === 'public_cells' && STOCKS.has(column)) || (table === 'public_staffing' && column === 'mean_headcount');
			const factor = perWeek && row ? weeksOf(row) : 1;
			// Weeks reported can be no more than the weeks open, which are published: no wider interval is possible.
			const level = Math.min(levels[column]!(minCell) * factor, column === 'reported' && row ? Number(row.expected) : Infinity);
			const integer = column !== 'fte';
			if (row && row[column] !== null && row[column] !== undefined) known.set(id, Number(row[column]) * factor);
			else if (row && table === 'public_cells' && weeksOf(row) === 0) known.set(id, 0);
			else {
				unknowns.set(id, { integer, lower: 0, upper: Infinity, level: row ? level : 0 });
				if (row) published.set(id, { factor, cell, column });
			}
		}
		// The contract's rules within a cell.
		const le = (a: string, b: string, scale = 1) => relations.push({ terms: [[`${a}@${cell}`, 1], [`${b}@${cell}`, -scale]], lower: -Infinity, upper: 0 });
		if (table === 'public_cells') {
			for (const part of ['caseload_young', 'employed', 'in_education']) le(part, 'caseload');
			le('wait_days', 'enrolled', 3650);
			if (row) relations.push({ terms: [[`reported@${cell}`, 1]], lower: -Infinity, upper: Number(row.expected) });
		} else if (table === 'public_staffing') {
			le('vacancy_weeks', 'unit_weeks');
			le('leavers', 'mean_headcount');
			le('unit_weeks', 'mean_headcount');
		} else le('stayed', 'in_post');
	}
	// The sums: each cube cell over every key it spans, each leaf over its units.
	for (const key of cells) {
		const parts = key.split('|');
		parts.forEach((k, d) => {
			if (k !== ALL) return;
			const members = [...cells].filter((other) => {
				const o = other.split('|');
				return o[d] !== ALL && o.every((v, i) => i === d || v === parts[i]);
			});
			if (!members.length) return;
			for (const column of columns) relations.push({ terms: [[`${column}@cube:${key}`, -1], ...members.map((m) => [`${column}@cube:${m}`, 1] as const)], lower: 0, upper: 0 });
		});
	}
	for (const [key, members] of groupBy(unitRows, (r) => unitKeys(r).join('|'))) {
		for (const column of columns) relations.push({ terms: [[`${column}@cube:${key}`, -1], ...members.map((m) => [`${column}@unit:${m.unit_id}`, 1] as const)], lower: 0, upper: 0 });
	}
	return { known, unknowns, relations, published };
}

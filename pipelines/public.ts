/**
 * The public profile (#14): the aggregates a public site needs, with every
 * count of people under the threshold withheld, and enough more withheld
 * that none can be worked out from what is published (./suppress.ts).
 *
 * Three linked tables are published in place of unit_week and the spells
 * (sql/cells.sql with sql/cell_specialists.sql, and sql/staffing.sql, as for the internal profile), each a cube with all its
 * margins plus, where a view shows units, a row per unit; and a fourth,
 * tenure, as Kaplan–Meier curves read at fixed times, only for the nation
 * and regions with at least the threshold of spells.
 *
 * Each count of people is its own linear system: per quarter (or year), a
 * cube cell is the sum of its parts along each dimension it spans, and a
 * cube cell of single values (a leaf) is the sum of its units. Stocks are
 * published as people in an average week of the cell; the sums tie them in
 * participant-weeks (value × weeks), which gives each cell a non-zero factor
 * and changes nothing about which cells a system fixes. No published table
 * sums quarters, so quarters are separate systems. A suppressed value is NULL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadTable, sqlFile, type ColumnType } from './db.ts';
import { buildCells, buildStaffing } from './cells.ts';
import { isSmall, suppress, withholdBeside, type Constraint } from './suppress.ts';
import { narrowTogether, narrowValues, type ProtectionSystem, type Relation } from './protect.ts';
import { protectWindows, type PeriodSystem } from './windows.ts';
import { groupBy } from './groupBy.ts';
import { atRisk, kaplanMeier } from '../src/lib/stats/survival.ts';
import { MARTS, PROTECTION_LEVELS, WEEKLY_FACTS } from '../src/lib/contract/index.ts';

export const DEFAULT_MIN_CELL = 5;

/** Cells and how many were withheld, per published table (summed over its counts of people). */
export type SuppressionCounts = Record<string, { cells: number; primary: number; secondary: number; unprotected?: number }>;

type Row = Record<string, unknown>;

/** A table of cells to protect: its rows, the column that separates its periods, its cube's dimensions. */
interface CubeTable {
	table: keyof typeof PROTECTION_LEVELS;
	rows: Row[];
	period: string;
	dims: readonly string[];
	/** The columns to protect, each with what withholds it in the first place. */
	columns: readonly ProtectedColumn[];
	/** The input contract's rules within one cell, as `a ≤ factor × b` over its columns. */
	rules: readonly (readonly [a: string, b: string, factor: number])[];
}

interface ProtectedColumn {
	name: string;
	/** Published per week of the cell (a stock, a mean headcount): its sums hold over value × weeks. */
	perWeek?: boolean;
	/** Why a cell is withheld in the first place: a small count of people, or a value of fewer people than the threshold. */
	primary: 'small' | 'few_specialists';
	/** Withheld wherever this other column is (days waited follow the number enrolled). */
	follows?: string;
}

const count = (name: string, perWeek = false): ProtectedColumn => ({ name, perWeek, primary: 'small' });

/** Whether public_cells publishes the weekly fact per week of the cell. */
const isPerWeek = (name: string) => WEEKLY_FACTS.some((fact) => fact.name === name && fact.published === 'per_week');

const CELL_COLUMNS: readonly ProtectedColumn[] = [
	// Every weekly fact is a count of people but the specialists' working time and the days waited.
	...WEEKLY_FACTS.filter(({ name }) => name !== 'fte' && name !== 'wait_days').map(({ name }) => count(name, isPerWeek(name))),
	// The mean wait of a few people is theirs.
	{ name: 'wait_days', primary: 'small', follows: 'enrolled' },
	// A lone specialist's working time and the weeks they reported are theirs.
	{ name: 'fte', perWeek: isPerWeek('fte'), primary: 'few_specialists' },
	{ name: 'reported', primary: 'few_specialists' },
];
const CELL_RULES = [
	['caseload_young', 'caseload', 1],
	['employed', 'caseload', 1],
	['in_education', 'caseload', 1],
	['wait_days', 'enrolled', 3650],
	['reported', 'expected', 1],
] as const;

const STAFFING_COLUMNS: readonly ProtectedColumn[] = [
	{ name: 'mean_headcount', perWeek: true, primary: 'small' },
	count('leavers'),
	{ name: 'unit_weeks', primary: 'few_specialists' },
	// A drop in a small team's headcount is its leaver.
	{ name: 'vacancy_weeks', primary: 'small', follows: 'mean_headcount' },
];
const STAFFING_RULES = [
	['leavers', 'mean_headcount', 1],
	['unit_weeks', 'mean_headcount', 1],
	['vacancy_weeks', 'unit_weeks', 1],
] as const;

/**
 * Builds the public marts as tables mart_public_* on a connection that holds
 * the internal ones (mart_unit_week, mart_units, mart_specialist_spells).
 */
export async function buildPublicMarts(conn: DuckDBConnection, minCell: number): Promise<SuppressionCounts> {
	await buildCells(conn);
	await conn.run(sqlFile('cell_specialists'));
	await buildStaffing(conn);
	const counts: SuppressionCounts = {};

	const cells = await rowsOf(
		conn,
		`SELECT c.*, coalesce(s.specialists, 0) AS specialists
        FROM cells_raw c LEFT JOIN cell_specialists s ON s.quarter = c.quarter AND s.level = c.level AND s.unit_id IS NOT DISTINCT FROM c.unit_id
            AND (c.level = 'unit' OR (s.region_code IS NOT DISTINCT FROM c.region_code AND s.org_type IS NOT DISTINCT FROM c.org_type AND s.funding IS NOT DISTINCT FROM c.funding))
        ORDER BY c.quarter, c.level, c.unit_id, c.region_code, c.org_type, c.funding`,
	);
	overWeeksOpen(cells);
	const quarters = new Map<string, PeriodSystem>();
	counts.public_cells = await protect({ table: 'public_cells', rows: cells, period: 'quarter', dims: CELL_DIMS, columns: CELL_COLUMNS, rules: CELL_RULES }, minCell, quarters);
	await publish(conn, 'public_cells', cells, ['quarter', 'unit_id', ...CELL_DIMS]);

	// The funnels' windows, checked against the quarters' systems as withheld above (./windows.ts).
	const unitQuarters = cells
		.filter((row) => row.level === 'unit')
		.map((row) => ({ unit_id: String(row.unit_id), quarter: String(row.quarter), weeks: Number(row.weeks), leaf: CELL_DIMS.map((d) => row[d] ?? '*').join('|') }));
	const windows = await protectWindows(await windowEnds(conn), quarters, unitQuarters, minCell);
	counts.public_windows = windows.counts;
	await publish(conn, 'public_windows', windows.rows as unknown as Row[], ['quarter', 'unit_id']);

	const staffing = await rowsOf(conn, 'SELECT * FROM staffing_raw ORDER BY year, level, unit_id, region_code, org_type, funding, team_size');
	counts.public_staffing = await protect({ table: 'public_staffing', rows: staffing, period: 'year', dims: STAFFING_DIMS, columns: STAFFING_COLUMNS, rules: STAFFING_RULES }, minCell);
	await publish(conn, 'public_staffing', staffing, ['year', 'unit_id', ...STAFFING_DIMS]);

	// The cube's cells alone: a unit's stability is its few specialists'.
	const stability = await rowsOf(conn, `SELECT * EXCLUDE (unit_id) FROM stability_raw WHERE level = 'cube' ORDER BY quarter, region_code, org_type, funding`);
	counts.public_stability = await protect(
		{ table: 'public_stability', rows: stability, period: 'quarter', dims: CELL_DIMS, columns: [count('in_post'), count('stayed')], rules: [['stayed', 'in_post', 1]] },
		minCell,
	);
	await publish(conn, 'public_stability', stability, ['quarter', ...CELL_DIMS]);

	await buildTenure(conn, minCell);
	await conn.run('CREATE OR REPLACE TABLE mart_public_weeks AS SELECT DISTINCT week FROM mart_unit_week ORDER BY week');
	return counts;
}

/**
 * The cells over the weeks a unit of each was open, not its weeks with a
 * report: a unit's weeks with a report are its weeks reported, which a lone
 * specialist's are theirs (withheld as `reported`), while the weeks it was
 * open follow from its published dates. A stock is then people in an average
 * week open (the internal profile's, in an average week with a report; the
 * two differ only where no unit of a cell reported in a week it was open).
 * A cell open without a report has every fact 0 and is marked silent: its
 * facts and weeks reported are withheld, since a 0 shown would say that
 * nobody reported.
 */
function overWeeksOpen(cells: Row[]) {
	for (const row of cells) {
		const [reported, open] = [Number(row.weeks), Number(row.open_weeks)];
		row.silent = reported === 0 && open > 0;
		for (const { name, published } of WEEKLY_FACTS) {
			if (row.silent) row[name] = 0;
			else if (published === 'per_week' && row[name] !== null && open > 0) row[name] = (Number(row[name]) * reported) / open;
		}
		row.weeks = open;
		delete row.open_weeks;
	}
}

/** The cube's keys: of public_cells and public_stability, and public_staffing's with team size. */
const CELL_DIMS = ['region_code', 'org_type', 'funding'] as const;
const STAFFING_DIMS = [...CELL_DIMS, 'team_size'] as const;

/**
 * Writes a public mart from its rows, with the contract's columns and types
 * ($lib/contract MARTS), leaving out hidden rows, sorted by `order` (a key's
 * "all" first). A unit's row names the unit only: its cube keys would say
 * its team size, which is its headcount.
 */
async function publish(conn: DuckDBConnection, mart: PublicMart, rows: readonly Row[], order: readonly string[]) {
	const columns = MARTS[mart] as Record<string, ColumnType>;
	await load(conn, `pub_${mart}`, rows, { ...columns, hidden: 'BOOLEAN' });
	const byUnit = 'unit_id' in columns;
	const select = Object.keys(columns).map((c) => (byUnit && (STAFFING_DIMS as readonly string[]).includes(c) ? `CASE WHEN unit_id IS NULL THEN ${c} END AS ${c}` : c));
	await conn.run(`CREATE OR REPLACE TABLE mart_${mart} AS
        SELECT ${select.join(', ')} FROM pub_${mart} WHERE hidden IS NOT TRUE
        ORDER BY ${order.map((c) => `${c} NULLS FIRST`).join(', ')}`);
}

type PublicMart = 'public_cells' | 'public_windows' | 'public_staffing' | 'public_stability' | 'public_tenure';

/**
 * Withholds, in place (NULL), the table's small counts of people and the
 * values of fewer specialists than the threshold; then, period by period,
 * enough more that none can be worked out from the sums (./suppress.ts) or
 * narrowed below its protection level by an attacker with inequalities
 * (./protect.ts). Marks the hidden rows: a cube cell of units without a
 * funding, which no filter can choose, counts in the sums and is never
 * published.
 */
async function protect(table: CubeTable, minCell: number, checked?: Map<string, PeriodSystem>): Promise<SuppressionCounts[string]> {
	const total = { cells: 0, primary: 0, secondary: 0, unprotected: 0 };
	const levels = PROTECTION_LEVELS[table.table];
	for (const row of table.rows) row.hidden = row.level === 'cube' && row.funding === '';
	for (const rows of groupBy(table.rows, (row) => String(row[table.period])).values()) {
		const ids = new Map(rows.map((row) => [row, idOf(row, table.dims)]));
		const byId = new Map(rows.map((row) => [ids.get(row)!, row]));
		const hidden = rows.filter((row) => row.hidden).map((row) => ids.get(row)!);
		// Each column's values in the unit its sums hold in, its sums, and what it withholds.
		const columns = table.columns.map((column) => {
			const present = rows.filter((row) => row[column.name] !== null && row[column.name] !== undefined);
			const weight = (row: Row) => (column.perWeek ? Number(row.weeks) : 1);
			const values = new Map(present.map((row) => [ids.get(row)!, Number(row[column.name]) * weight(row)]));
			const primary = new Set(
				present
					.filter((row) => !row.hidden)
					.filter(
						(row) =>
							row.silent === true ||
							(column.primary === 'small' ? isSmall(Number(row[column.name]), minCell) : Number(row[column.name]) > 0 && Number(row.specialists) < minCell),
					)
					.map((row) => ids.get(row)!),
			);
			const constraints = constraintsOf(present, table.dims, ids);
			return { ...column, values, primary, constraints, hidden: hidden.filter((id) => values.has(id)), withheld: new Set<string>() };
		});
		const named = new Map(columns.map((c) => [c.name, c]));
		/**
		 * A value that a rule ties to a published 0 (days waited where nobody enrolled, the employed of an empty
		 * caseload) is known to be 0 whether shown or not: it cannot hide another, so it is never withheld as one.
		 */
		const pinned = (column: (typeof columns)[number]) =>
			new Set(
				table.rules
					.filter(([a]) => a === column.name)
					.flatMap(([, b]) => {
						const partner = named.get(b);
						return [...column.values.keys()].filter((id) => {
							const value = partner ? partner.values.get(id) : Number(byId.get(id)![b]);
							return value === 0 && !partner?.withheld.has(id);
						});
					}),
			);
		/** The least width a withheld value's interval must have, in the unit its sums hold in. */
		const levelOf = (name: string, id: string) => {
			const row = byId.get(id)!;
			if (row.hidden) return 0;
			// No interval can be wider than a bound that is always published (weeks reported ≤ weeks open).
			const bounds = table.rules.filter(([a, b]) => a === name && !named.has(b)).map(([, b, factor]) => factor * Number(row[b]));
			return Math.min(levels[name]!(minCell) * (named.get(name)!.perWeek ? Number(row.weeks) : 1), ...bounds);
		};
		const needOf = (name: string) => (id: string) => levelOf(name, id);
		const settle = (column: (typeof columns)[number]) => {
			const leader = column.follows ? named.get(column.follows)! : undefined;
			const zero = pinned(column);
			const required = [...column.primary, ...column.withheld, ...(leader?.withheld ?? [])].filter((id) => column.values.has(id) && !byId.get(id)!.hidden && !zero.has(id));
			const { primary, secondary } = suppress(column.values, column.constraints, new Set(required), column.hidden, { pinned: zero, need: needOf(column.name) });
			column.withheld = new Set([...primary, ...secondary, ...column.hidden]);
		};
		for (const column of columns) settle(column);

		// The whole period as one system for the attacker: every column's values, sums and rules.
		const values = new Map<string, number>();
		for (const column of columns) for (const [id, value] of column.values) values.set(`${column.name}@${id}`, value);
		for (const [id, row] of byId) if (row.expected !== undefined) values.set(`expected@${id}`, Number(row.expected));
		const relations: Relation[] = columns.flatMap((column) =>
			column.constraints.map((c) => ({ terms: [[`${column.name}@${c.total}`, -1] as const, ...c.parts.map((p) => [`${column.name}@${p}`, 1] as const)], lower: 0, upper: 0 })),
		);
		for (const id of byId.keys()) {
			for (const [a, b, factor] of table.rules) {
				if (values.has(`${a}@${id}`) && values.has(`${b}@${id}`)) relations.push({ terms: [[`${a}@${id}`, 1], [`${b}@${id}`, -factor]], lower: -Infinity, upper: 0 });
			}
		}
		const system: ProtectionSystem = {
			values,
			relations,
			level: (key) => levelOf(...splitKey(key)),
			integer: (key) => splitKey(key)[0] !== 'fte',
			group: (key) => splitKey(key)[0],
		};
		const wide = new Set<string>();
		const withheldNow = () => new Set(columns.flatMap((column) => [...column.withheld].map((id) => `${column.name}@${id}`)));
		let before = new Set<string>();
		for (;;) {
			const alone = await narrowValues(system, withheldNow(), wide);
			// A value still narrow after a round of complements may be held by another column (the employed of a withheld
			// caseload of four): its own column cannot widen it, and withholding on there would take the whole table. Solved
			// with every column free, it gets more complements only if it is narrow still.
			const persistent = new Set([...alone].filter((key) => before.has(key)));
			const narrow = new Set([...alone].filter((key) => !persistent.has(key)));
			if (persistent.size) for (const key of await narrowTogether(system, withheldNow(), wide, persistent)) narrow.add(key);
			before = narrow;
			if (!narrow.size) break;
			const stuck = new Set<string>();
			for (const column of columns) {
				const exposed = new Set([...narrow].filter((key) => splitKey(key)[0] === column.name).map((key) => splitKey(key)[1]));
				if (exposed.size) {
					const choice = { pinned: pinned(column), need: needOf(column.name) };
					for (const id of withholdBeside(column.values, column.constraints, column.withheld, exposed, choice)) stuck.add(`${column.name}@${id}`);
				}
			}
			// Nothing beside them to withhold in their own column: held in place by another column, or truly narrow.
			if (stuck.size) {
				const still = await narrowTogether(system, withheldNow(), wide, stuck);
				// Nothing beside them is left to withhold: they stay withheld, as wide as what is published allows (a unit open
				// three weeks of a year leaves less than four weeks of doubt about its weeks reported). Counted in the manifest.
				for (const key of still) wide.add(key);
				total.unprotected! += still.size;
			}
			for (const column of columns) settle(column);
		}
		checked?.set(String(rows[0]![table.period]), { system, withheld: withheldNow() });

		for (const column of columns) {
			for (const [id] of column.values) {
				const row = byId.get(id)!;
				if (column.withheld.has(id)) row[column.name] = null;
				if (row.hidden) continue;
				total.cells++;
				if (column.primary.has(id)) total.primary++;
				else if (column.withheld.has(id)) total.secondary++;
			}
		}
	}
	return total;
}

const splitKey = (key: string) => {
	const at = key.indexOf('@');
	return [key.slice(0, at), key.slice(at + 1)] as const;
};

const idOf = (row: Row, dims: readonly string[]) => (row.level === 'unit' ? `unit:${row.unit_id}` : `cube:${dims.map((d) => row[d] ?? '*').join('|')}`);

/** The sums that tie a period's cells: each cube cell over each dimension it spans, and each leaf over its units. */
function constraintsOf(rows: readonly Row[], dims: readonly string[], ids: ReadonlyMap<Row, string>): Constraint[] {
	const cube = rows.filter((row) => row.level === 'cube');
	const constraints: Constraint[] = [];
	dims.forEach((dim, d) => {
		// The cells with `dim` set, by their other keys: the parts of the cell with `dim` spanned.
		const parts = groupBy(
			cube.filter((row) => row[dim] !== null),
			(row) => dims.map((other, k) => (k === d ? '#' : (row[other] ?? '*'))).join('|'),
		);
		for (const row of cube) {
			if (row[dim] !== null) continue;
			const members = parts.get(dims.map((other, k) => (k === d ? '#' : (row[other] ?? '*'))).join('|'));
			if (members?.length) constraints.push({ total: ids.get(row)!, parts: members.map((m) => ids.get(m)!) });
		}
	});
	const leaves = new Map(cube.filter((row) => dims.every((dim) => row[dim] !== null)).map((row) => [dims.map((dim) => row[dim]).join('|'), row]));
	const units = groupBy(
		rows.filter((row) => row.level === 'unit'),
		(row) => dims.map((dim) => row[dim]).join('|'),
	);
	for (const [key, members] of units) {
		const leaf = leaves.get(key);
		if (!leaf) throw new Error(`units ${members.map((m) => m.unit_id).join(', ')} have no cube cell ${key}`);
		constraints.push({ total: ids.get(leaf)!, parts: members.map((m) => ids.get(m)!) });
	}
	return constraints;
}

/**
 * The last quarters of the funnels' windows: the latest full quarter (the
 * one before the quarter of the week after the last reported week, as the
 * site's default period has it, src/lib/views/context.ts) and every fourth
 * before it.
 */
async function windowEnds(conn: DuckDBConnection): Promise<string[]> {
	const rows = await rowsOf(
		conn,
		`WITH latest AS (SELECT (quarter_of((max(week) + INTERVAL 7 DAY)::DATE) - INTERVAL 3 MONTH)::DATE AS q, min(week) AS first FROM mart_unit_week)
        SELECT strftime((q - to_months(12 * k))::DATE, '%Y-%m-%d') AS quarter FROM latest, range(0, 100) t(k)
        WHERE (q - to_months(12 * k + 9))::DATE >= quarter_of(first) ORDER BY 1`,
	);
	return rows.map((row) => String(row.quarter));
}

/**
 * Tenure for the public: for each quarter, every spell begun by its end and
 * cut there, as one Kaplan–Meier curve for the nation and one per region
 * with at least the threshold of spells, read every 91 days (the step in
 * force), in whole per cent, and only while at least the threshold are
 * still at risk. No count, no confidence band: from a step and the change
 * in Greenwood's sum that a band gives, the number at risk and the number
 * who left are n = (1 − R)/(R·ΔG) and n(1 − R) (#20); and the spells begun
 * by the end of one quarter less those of the quarter before are its
 * joiners. The median is read off the published readings: the first at or
 * under one half.
 */
async function buildTenure(conn: DuckDBConnection, minCell: number) {
	const quarters = (await rowsOf(conn, `SELECT DISTINCT quarter_of(week) AS quarter, (quarter_of(week) + INTERVAL 3 MONTH)::DATE - 1 AS last_day FROM mart_unit_week ORDER BY 1`)) as {
		quarter: string;
		last_day: string;
	}[];
	const spells = (await rowsOf(conn, `SELECT u.region_code, s.first_week, s.last_week, s.ended FROM mart_specialist_spells s JOIN mart_units u USING (unit_id)`)) as {
		region_code: string;
		first_week: string;
		last_week: string;
		ended: boolean;
	}[];
	const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
	const rows: Row[] = [];
	for (const { quarter, last_day } of quarters) {
		const end = day(last_day);
		const begun = spells.filter((s) => day(s.first_week) <= end);
		const subjects = begun.map((s) => ({
			region: s.region_code,
			entry: 0,
			exit: Math.min(day(s.last_week), end) - day(s.first_week) + 7,
			event: s.ended && day(s.last_week) <= end,
		}));
		const groups: [string | null, typeof subjects][] = [[null, subjects], ...groupBy(subjects, (s) => s.region)];
		for (const [region, group] of groups.sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))) {
			if (group.length < minCell) continue;
			const curve = kaplanMeier(group);
			const readings: { time: number; survival: number }[] = [];
			for (let time = 0, i = 0; time === 0 || atRisk(group, time) >= minCell; time += 91) {
				while (i + 1 < curve.length && curve[i + 1]!.time <= time) i++;
				readings.push({ time, survival: Math.round(curve[i]!.survival * 100) / 100 });
			}
			const median = readings.find((r) => r.survival <= 0.5)?.time ?? null;
			for (const { time, survival } of readings) rows.push({ quarter, region_code: region, time, survival, median });
		}
	}
	await publish(conn, 'public_tenure', rows, ['quarter', 'region_code', 'time']);
}

async function rowsOf(conn: DuckDBConnection, sql: string): Promise<Row[]> {
	const reader = await conn.runAndReadAll(sql);
	const names = reader.columnNames();
	return reader.getRowsJS().map((row) =>
		Object.fromEntries(
			names.map((name, i) => {
				const value = row[i];
				if (value instanceof Date) return [name, value.toISOString().slice(0, 10)];
				if (typeof value === 'bigint') return [name, Number(value)];
				return [name, value];
			}),
		),
	);
}

/** Loads rows into a table of the schema; dates come written YYYY-MM-DD. */
async function load(conn: DuckDBConnection, table: string, rows: readonly Row[], schema: Record<string, ColumnType>) {
	const dates = Object.keys(schema).filter((name) => schema[name] === 'DATE');
	await loadTable(conn, table, schema, rows.map((row) => {
		const out = { ...row };
		for (const name of dates) out[name] = out[name] === null ? null : Date.parse(`${out[name]}T00:00:00Z`) / 86_400_000;
		return out;
	}));
}

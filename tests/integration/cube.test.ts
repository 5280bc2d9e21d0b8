/**
 * The internal profile's cube (#23) on the demo data: every cell is exactly
 * the sum of its units, each unit's quarter exactly the sum of its weeks, and
 * the site's measures for combinations of filters that no single filter
 * names equal what unit_week gives for the same units, worked out here in
 * plain SQL without the cells.
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../pipelines/simulate/index.ts';
import { compareUnitKeys, partsFor, PROFILE_MARTS, WEEKLY_FACTS, type Manifest, type Part, type UnitKey } from '../../src/lib/contract/index.ts';
import { martsDatabase } from '../../src/lib/server/database.ts';
import { employmentRate, measureOf, peopleWaiting, queryMeasures } from '../../src/lib/metrics/index.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { readArrow, run, tempDir } from '../helpers.ts';

let conn: DuckDBConnection;
let db: Database;
let published: { outDir: string; manifest: Manifest };
/** The units' rows cut small, so that the demo's 80 units make parts as a large network's do. */
const PART_ROWS = 100;

beforeAll(async () => {
	const raw = join(tempDir(), 'raw');
	simulate({ seed: 2, from: '2019-01', to: '2026-10', scale: 1, out: raw, referenceDir: 'data/reference/se', faults: false });
	const result = await run(raw, { referenceDir: 'data/reference/se', asOf: '2026-11-30', partRows: PART_ROWS });
	expect(result.published).toBe(true);
	published = { outDir: result.outDir, manifest: result.manifest! };
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	for (const name of PROFILE_MARTS.internal) await conn.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet('${join(result.outDir, `${name}.parquet`)}')`);
	db = await martsDatabase(result.outDir);
}, 120_000);

const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowsJS()[0]![0]);

/** A fact as the quarter's sum: a stock per week back to participant-weeks. */
const summed = (alias: string) =>
	WEEKLY_FACTS.map(({ name, published }) => `${published === 'per_week' ? `${alias}.${name} * ${alias}.weeks` : `${alias}.${name}`} AS ${name}`).join(', ');

describe('the internal cube', () => {
	it('sums each unit-quarter from its weeks: weeks reported, and every weekly fact', async () => {
		const mismatches = await count(`
            WITH weeks AS (
                SELECT w.unit_id, date_trunc('quarter', w.week)::DATE AS quarter, count(*) AS weeks,
                    ${WEEKLY_FACTS.map(({ name }) => `sum(w.${name}) AS ${name}`).join(', ')}
                FROM unit_week w GROUP BY ALL
            ),
            cells AS (SELECT unit_id, quarter, weeks, ${summed('q')} FROM unit_quarter q WHERE weeks > 0)
            SELECT count(*) FROM weeks w FULL JOIN cells c USING (unit_id, quarter)
            WHERE c.weeks IS DISTINCT FROM w.weeks
                ${WEEKLY_FACTS.map(({ name }) => `OR abs(coalesce(c.${name}, -1) - coalesce(w.${name}, -1)) > 1e-6`).join('\n                ')}`);
		expect(mismatches).toBe(0);
		expect(await count('SELECT count(*) FROM unit_quarter WHERE weeks > 0')).toBeGreaterThan(500);
	});

	it('holds every cell of region × organisation type × funding with its margins, each the sum of its units', async () => {
		const additive = ['expected', 'reported', ...WEEKLY_FACTS.filter((f) => f.name !== 'fte' && f.name !== 'waitlist').map((f) => f.name)];
		const mismatches = await count(`
            WITH units_summed AS (
                SELECT c.quarter, c.region_code, c.org_type, c.funding,
                    ${additive.map((name) => `sum(q.${name})`).join(', ')},
                    ${additive.map((name) => `c.${name}`).join(', ')}
                FROM (SELECT quarter, region_code, org_type, funding, expected, reported, ${summed('k')} FROM cube k) c
                JOIN units u ON (c.region_code IS NULL OR u.region_code = c.region_code) AND (c.org_type IS NULL OR u.org_type = c.org_type)
                    AND (c.funding IS NULL OR u.funding_current = c.funding)
                JOIN (SELECT unit_id, quarter, expected, reported, ${summed('q')} FROM unit_quarter q) q ON q.unit_id = u.unit_id AND q.quarter = c.quarter
                GROUP BY ALL
            )
            SELECT count(*) FROM units_summed
            WHERE ${additive.map((name) => `abs(coalesce("sum(q.${name})", 0) - coalesce("${name}", 0)) > 1e-6`).join(' OR ')}`);
		expect(mismatches).toBe(0);
		// Every combination a filter bar can make, each quarter: 1 + 21 regions, 1 + 3 types, 1 + 3 fundings, where any unit is open.
		const combinations = await count(`SELECT count(DISTINCT (region_code, org_type, funding)) FROM cube WHERE expected > 0`);
		const possible = await count(`SELECT count(*) FROM (
            SELECT DISTINCT region_code, org_type, funding_current FROM units
            WHERE unit_id IN (SELECT unit_id FROM unit_quarter WHERE expected > 0)
            GROUP BY CUBE (region_code, org_type, funding_current))`);
		expect(combinations).toBe(possible);
	});

	it('holds the units open and the municipalities served on each quarter\'s last day, for every cell and unit, as units and unit_areas give them', async () => {
		// Worked out here from the units' dates alone: a unit counts in its own cell, a municipality in its own
		// region's, served by an open unit of the cell's type and funding from any region, once per cell.
		const reference = `
            WITH quarters AS (
                SELECT DISTINCT quarter, (quarter + INTERVAL 3 MONTH)::DATE - 1 AS last_day FROM cube
            ),
            open_units AS (
                SELECT q.quarter, u.* FROM quarters q JOIN units u ON u.opened_on <= q.last_day AND (u.closed_on IS NULL OR u.closed_on > q.last_day)
            ),
            served AS (
                SELECT DISTINCT o.quarter, o.org_type, o.funding_current, a.code, a.region_code, a.population
                FROM open_units o JOIN unit_areas ua ON ua.unit_id = o.unit_id AND ua.valid_from <= o.quarter + INTERVAL 3 MONTH - INTERVAL 1 DAY
                    AND (ua.valid_to IS NULL OR ua.valid_to > (o.quarter + INTERVAL 3 MONTH)::DATE - 1)
                JOIN areas a ON a.code = ua.area_code
            )
            SELECT c.quarter, c.region_code, c.org_type, c.funding, c.units_open, c.areas_served, c.population_served,
                (SELECT count(*) FROM open_units o WHERE o.quarter = c.quarter AND (c.region_code IS NULL OR o.region_code = c.region_code)
                    AND (c.org_type IS NULL OR o.org_type = c.org_type) AND (c.funding IS NULL OR o.funding_current = c.funding)) AS units_expected,
                (SELECT count(DISTINCT s.code) FROM served s WHERE s.quarter = c.quarter AND (c.region_code IS NULL OR s.region_code = c.region_code)
                    AND (c.org_type IS NULL OR s.org_type = c.org_type) AND (c.funding IS NULL OR s.funding_current = c.funding)) AS areas_expected,
                (SELECT coalesce(sum(population), 0) FROM (SELECT DISTINCT s.code, s.population FROM served s WHERE s.quarter = c.quarter
                    AND (c.region_code IS NULL OR s.region_code = c.region_code) AND (c.org_type IS NULL OR s.org_type = c.org_type)
                    AND (c.funding IS NULL OR s.funding_current = c.funding))) AS population_expected
            FROM cube c`;
		expect(await count(`SELECT count(*) FROM (${reference}) WHERE units_open <> units_expected OR areas_served <> areas_expected OR population_served <> population_expected`)).toBe(0);
		// Not all zero: the nation's last quarter has most of the units and municipalities.
		const [units, areas] = (await conn.runAndReadAll(`SELECT units_open, areas_served FROM cube WHERE region_code IS NULL AND org_type IS NULL AND funding IS NULL ORDER BY quarter DESC LIMIT 1`)).getRowsJS()[0]!.map(Number);
		expect(units).toBe(await count(`SELECT count(*) FROM units WHERE closed_on IS NULL`));
		expect(areas).toBeGreaterThan(20);
		// A unit's own: open or not, and the municipalities it serves.
		expect(await count(`
            SELECT count(*) FROM unit_quarter q JOIN units u USING (unit_id)
            WHERE q.units_open <> (u.opened_on <= (q.quarter + INTERVAL 3 MONTH)::DATE - 1 AND (u.closed_on IS NULL OR u.closed_on > (q.quarter + INTERVAL 3 MONTH)::DATE - 1))::INTEGER
                OR q.areas_served <> (SELECT count(*) FROM unit_areas ua WHERE ua.unit_id = q.unit_id AND q.units_open = 1
                    AND ua.valid_from <= (q.quarter + INTERVAL 3 MONTH)::DATE - 1 AND (ua.valid_to IS NULL OR ua.valid_to > (q.quarter + INTERVAL 3 MONTH)::DATE - 1))`)).toBe(0);
	});

	it.each([
		{ region: '14', org: 'municipal', funding: null },
		{ region: '01', org: null, funding: 'project' },
		{ region: null, org: 'joint', funding: 'permanent' },
		{ region: '14', org: 'municipal', funding: 'project' },
	])('answers %o as unit_week does for the same units', async (filters) => {
		const params = { first_quarter: '2024-01-01', last_quarter: '2026-07-01', unit: null, ...filters };
		const rows = await queryMeasures(db, 'quarter', [employmentRate, peopleWaiting], 'internal', params);
		const expected = (await conn.runAndReadAll(`
            WITH chosen AS (
                SELECT unit_id FROM units WHERE ($region IS NULL OR region_code = $region) AND ($org IS NULL OR org_type = $org) AND ($funding IS NULL OR funding_current = $funding)
            ),
            weekly AS (
                SELECT week, sum(employed) AS employed, sum(caseload) AS caseload, sum(waitlist) AS waitlist
                FROM unit_week JOIN chosen USING (unit_id) GROUP BY week
            )
            SELECT strftime(date_trunc('quarter', week), '%Y-%m-%d') AS quarter, sum(employed) / sum(caseload) AS rate, avg(waitlist) AS waiting
            FROM weekly WHERE week >= DATE '2024-01-01' AND week < DATE '2026-10-01' GROUP BY ALL ORDER BY quarter`,
			{ region: filters.region, org: filters.org, funding: filters.funding },
		)).getRowObjectsJS();
		expect(expected.length, 'the combination has reports').toBeGreaterThan(0);
		const byQuarter = new Map(rows.map((row) => [row.quarter, row]));
		for (const { quarter, rate, waiting } of expected) {
			const row = byQuarter.get(quarter as string)!;
			expect(measureOf(row, employmentRate).value, quarter as string).toBeCloseTo(rate as number, 12);
			expect(measureOf(row, peopleWaiting).value, quarter as string).toBeCloseTo(waiting as number, 9);
		}
	});
});

describe('the units\' rows in parts', () => {
	/** Each part's rows as unit_id|quarter, read from its Arrow file. */
	const rowsOf = (part: Part) => {
		const table = readArrow(join(published.outDir, part.file));
		const units = table.getChild('unit_id')!.toArray() as string[];
		const quarters = table.getChild('quarter')!.toArray() as ArrayLike<number>; // ms since 1970
		return units.map((unit, i) => `${unit}|${quarters[i]}`);
	};
	const partedMart = (name: 'unit_quarter' | 'staffing' | 'stability') => {
		const facts = published.manifest.marts[name]!;
		if (!('parts' in facts)) throw new Error(`${name} is not in parts`);
		return facts;
	};
	const parts = () => partedMart('unit_quarter').parts;
	/** Every published unit's place in the order of parts, from the units mart. */
	const unitKeys = async () =>
		(await conn.runAndReadAll('SELECT region_code, unit_id FROM units ORDER BY ALL')).getRowsJS().map(([region, unit]) => [String(region), String(unit)] as UnitKey);

	it.each([
		['unit_quarter', 'expected'],
		['staffing', 'leavers'],
		['stability', 'in_post'],
	] as const)('cuts %s into parts of whole units, in order of region and unit, each as the manifest describes it, its cube cells apart', async (name, column) => {
		const facts = partedMart(name);
		expect(facts.parts.length, name).toBeGreaterThan(1);
		expect(Boolean(facts.cells), 'a file of cells').toBe(name !== 'unit_quarter');
		// Per unit (∅ for a cube cell), the rows and the sum of a count, in the Arrow files and in the Parquet file.
		const fromArrow = new Map<string, [number, number]>();
		const files = [...(facts.cells ? [facts.cells] : []), ...facts.parts];
		for (const [i, part] of files.entries()) {
			const table = readArrow(join(published.outDir, part.file));
			expect(table.numRows, part.file).toBe(part.rows);
			const units = (table.getChild('unit_id')!.toArray() as (string | null)[]).map((unit) => unit ?? '∅');
			const counts = table.getChild(column)!.toArray() as ArrayLike<number | null>;
			const own = new Set(units);
			if (part === facts.cells) expect([...own], part.file).toEqual(['∅']);
			for (const unit of own) expect(fromArrow.has(unit), `${unit} in two files`).toBe(false);
			units.forEach((unit, row) => {
				const [rows, sum] = fromArrow.get(unit) ?? [0, 0];
				fromArrow.set(unit, [rows + 1, sum + Number(counts[row] ?? 0)]);
			});
			if (part === facts.cells) continue;
			const cut = part as Part;
			// A part over PART_ROWS holds one unit alone.
			if (cut.rows > PART_ROWS) expect(own.size, cut.file).toBe(1);
			expect(compareUnitKeys(cut.first, cut.last), cut.file).toBeLessThanOrEqual(0);
			const previous = files[i - 1];
			if (previous && previous !== facts.cells) expect(compareUnitKeys((previous as Part).last, cut.first), cut.file).toBeLessThan(0);
		}
		const fromParquet = (await conn.runAndReadAll(`SELECT coalesce(unit_id, '∅'), count(*)::INTEGER, coalesce(sum(${column}), 0)::DOUBLE FROM ${name} GROUP BY ALL`)).getRowsJS();
		expect(new Map(fromParquet.map(([unit, rows, sum]) => [String(unit), [Number(rows), Number(sum)]]))).toEqual(fromArrow);
		expect(files.reduce((sum, part) => sum + part.rows, 0)).toBe(facts.rows);
	});

	it('names for each unit the one part holding its rows, and for each region the parts holding all of its units', async () => {
		const all = parts();
		const keys = await unitKeys();
		const unitsIn = (chosen: Part[]) => new Set(chosen.flatMap(rowsOf).map((row) => row.split('|')[0]!));
		const withRows = new Set(all.flatMap(rowsOf).map((row) => row.split('|')[0]!));
		for (const key of keys) {
			const chosen = partsFor(all, { region: null, unit: key });
			expect(chosen.length, key.join('/')).toBeLessThanOrEqual(1);
			if (withRows.has(key[1])) expect(unitsIn(chosen).has(key[1]), key.join('/')).toBe(true);
		}
		for (const region of new Set(keys.map(([region]) => region))) {
			const chosen = partsFor(all, { region, unit: null });
			const held = unitsIn(chosen);
			for (const [r, unit] of keys) if (r === region && withRows.has(unit)) expect(held.has(unit), `${region}/${unit}`).toBe(true);
			// No part is fetched for a region without holding one of its units.
			for (const part of chosen) expect(part.regions, part.file).toContain(region);
		}
		expect(partsFor(all, { region: null, unit: null })).toEqual(all);
	});
});

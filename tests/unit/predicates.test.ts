/**
 * The predicates every measure shares (src/lib/metrics/shared.ts), at their
 * boundaries: each case sits on the day where a one-character change to the
 * macro (< for <=, > for >=, 7 for 6 or 8, a quarter's month) gives the other
 * answer, so such a change fails here (#22; each was made once to check).
 * Open and served run up to, not including, the closing day; a week is open
 * when the unit is open on any of its seven days; a week counts in the
 * quarter of its Monday.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { fidelityLevelSql } from '../../src/lib/contract/enums.ts';
import { SHARED_SQL } from '../../src/lib/metrics/shared.ts';

let conn: DuckDBConnection;

beforeAll(async () => {
	conn = await (await DuckDBInstance.create(':memory:')).connect();
	// filtered_units reads a units table: an empty one, as the marts would give.
	await conn.run(`CREATE TABLE units (unit_id VARCHAR, region_code VARCHAR, org_type VARCHAR, funding_current VARCHAR)`);
	await conn.run(SHARED_SQL);
});

const date = (d: string | null) => (d === null ? 'NULL::DATE' : `DATE '${d}'`);

async function value(sql: string): Promise<unknown> {
	const reader = await conn.runAndReadAll(`SELECT ${sql} AS v`);
	const v = reader.getRowObjectsJS()[0]!.v;
	return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

describe('open_on(opened_on, closed_on, day)', () => {
	it.each([
		['opened that day', '2024-03-04', null, '2024-03-04', true],
		['opened the day after', '2024-03-05', null, '2024-03-04', false],
		['closed the day after', '2024-01-01', '2024-03-05', '2024-03-04', true],
		['closed that day', '2024-01-01', '2024-03-04', '2024-03-04', false],
		['closed the day before', '2024-01-01', '2024-03-03', '2024-03-04', false],
	] as const)('%s: %s', async (_, opened, closed, day, open) => {
		expect(await value(`open_on(${date(opened)}, ${date(closed)}, ${date(day)})`)).toBe(open);
	});
});

describe('open_in_week(opened_on, closed_on, week): the week of Monday 2024-03-04', () => {
	const week = '2024-03-04';
	it.each([
		['opened on its Sunday', '2024-03-10', null, true],
		['opened the Monday after', '2024-03-11', null, false],
		['opened on its Monday', '2024-03-04', null, true],
		['closed on its Tuesday (open on the Monday)', '2024-01-01', '2024-03-05', true],
		['closed on its Monday', '2024-01-01', '2024-03-04', false],
		['closed on the Sunday before', '2024-01-01', '2024-03-03', false],
		['opened and closed within it', '2024-03-06', '2024-03-08', true],
	] as const)('%s', async (_, opened, closed, open) => {
		expect(await value(`open_in_week(${date(opened)}, ${date(closed)}, ${date(week)})`)).toBe(open);
	});
});

describe('served_on(valid_from, valid_to, day)', () => {
	it.each([
		['from that day', '2024-07-01', null, '2024-07-01', true],
		['from the day after', '2024-07-02', null, '2024-07-01', false],
		['to the day after', '2024-01-01', '2024-07-02', '2024-07-01', true],
		['to that day', '2024-01-01', '2024-07-01', '2024-07-01', false],
	] as const)('%s', async (_, from, to, day, served) => {
		expect(await value(`served_on(${date(from)}, ${date(to)}, ${date(day)})`)).toBe(served);
	});
});

describe('quarter_of(week): the quarter of its Monday', () => {
	it.each([
		// A week whose Sunday is in April counts in the first quarter.
		['2024-03-25', '2024-01-01'],
		['2024-04-01', '2024-04-01'],
		['2024-06-24', '2024-04-01'],
		['2024-07-01', '2024-07-01'],
		['2024-09-30', '2024-07-01'],
		['2024-10-07', '2024-10-01'],
		// ISO week 1 of 2025 begins on Monday 2024-12-30: it counts in 2024's last quarter.
		['2024-12-30', '2024-10-01'],
	])('%s is in the quarter of %s', async (week, quarter) => {
		expect(await value(`quarter_of(${date(week)})`)).toBe(quarter);
	});
});

describe('quarters_between(first, last)', () => {
	it('lists each quarter from first to last, both included, with its last day', async () => {
		const reader = await conn.runAndReadAll(`SELECT strftime(quarter, '%Y-%m-%d') AS q, strftime(last_day, '%Y-%m-%d') AS d FROM quarters_between(DATE '2023-10-01', DATE '2024-07-01') ORDER BY q`);
		expect(reader.getRowObjectsJS().map((r) => [r.q, r.d])).toEqual([
			['2023-10-01', '2023-12-31'],
			['2024-01-01', '2024-03-31'],
			['2024-04-01', '2024-06-30'],
			['2024-07-01', '2024-09-30'],
		]);
	});
});

describe('the IPS-25 levels ($lib/contract FIDELITY_SCALE), as the pipeline computes them', () => {
	it.each([
		[25, 'not_ips'],
		[73, 'not_ips'],
		[74, 'fair'],
		[99, 'fair'],
		[100, 'good'],
		[114, 'good'],
		[115, 'exemplary'],
		[125, 'exemplary'],
	])('a score of %i is %s', async (score, level) => {
		expect(await value(fidelityLevelSql(String(score)))).toBe(level);
	});
});

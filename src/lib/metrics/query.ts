/**
 * Measures at a grain: the facts of ./facts.ts, then each measure's formula
 * as three columns, "<id>.value", "<id>.numerator" and "<id>.denominator",
 * after the grain's keys. One statement computes any number of measures in
 * one pass over the marts.
 */
import { type Filters } from '$lib/filters';
import { quarterStart, shiftQuarter } from '$lib/time';
import type { Params } from '$lib/db/statement';
import type { Database } from '$lib/db/database';
import { WINDOW_COUNTS, type Profile } from '$lib/contract';
import { eachFact, GRAIN_KEYS, PEOPLE_FACTS, type Grain } from './facts';
import { factsOf, type Cells } from './cells';
import type { Metric, MetricFormula, MetricRow } from './types';

const peopleRead = new WeakMap<MetricFormula, readonly string[]>();
/**
 * The counts of people a formula reads (whole words of its SQL), found once
 * per formula: `roundedIn` asks for every unit of a funnel, and at a hundred
 * times the units the regular expressions, written anew for each, took
 * about 70 ms of a whole-country change on Compare sites.
 */
function peopleIn(formula: MetricFormula): readonly string[] {
	let facts = peopleRead.get(formula);
	if (!facts) {
		const sql = [formula.value, formula.numerator, formula.denominator].join(' ');
		peopleRead.set(formula, (facts = PEOPLE_FACTS.filter((fact) => new RegExp(`\\b${fact}\\b`).test(sql))));
	}
	return facts;
}

/**
 * A measure's columns. On a public build a fourth, "<id>.suppressed", is
 * true where the row has reports but a count of people the formula reads was
 * withheld: the value is then NULL for that reason, not for want of data.
 */
const formulaColumns = (id: string, formula: MetricFormula, profile: Profile) =>
	[
		`(${formula.value})::DOUBLE AS "${id}.value"`,
		`(${formula.numerator ?? 'NULL'})::DOUBLE AS "${id}.numerator"`,
		`(${formula.denominator ?? 'NULL'})::DOUBLE AS "${id}.denominator"`,
		...(profile === 'public' ? [`coalesce(weeks > 0 AND (${peopleIn(formula).map((f) => `${f} IS NULL`).join(' OR ') || 'false'}), false) AS "${id}.suppressed"`] : []),
	].join(', ');

const written = new Map<string, string>();
/** A statement written once per grain, measures and profile (views ask for theirs on every load). */
function once(key: string, write: () => string): string {
	let sql = written.get(key);
	if (sql === undefined) written.set(key, (sql = write()));
	return sql;
}

/**
 * The statement for measures at a grain, for the parameters it will be bound
 * to: one that names a unit reads the units' cells, any other the cube's
 * alone (./cells.ts).
 */
export function measureSql(grain: Grain, measures: readonly Metric[], profile: Profile = 'internal', params: Params = {}): string {
	const cells: Cells = params.unit == null ? 'cube' : 'units';
	return once(`${grain}|${profile}|${cells}|${measures.map((m) => m.id).join()}`, () => writeMeasureSql(grain, measures, profile, cells));
}

/** Measures at a grain, computed on `db` for the parameters (through measureSql). */
export const queryMeasures = (db: Database, grain: Grain, measures: readonly Metric[], profile: Profile, params: Params): Promise<MeasureRow[]> =>
	db.query<MeasureRow>(measureSql(grain, measures, profile, params), params);

function writeMeasureSql(grain: Grain, measures: readonly Metric[], profile: Profile, cells: Cells, where = ''): string {
	const keys = GRAIN_KEYS[grain].join(', ');
	return `${factsOf(profile, grain, cells)}SELECT ${keys},\n    ${measures.map((m) => formulaColumns(m.id, m.formula, profile)).join(',\n    ')}\nFROM facts${where}\nORDER BY ${keys}`;
}

/**
 * Measures per chosen unit at a period's two ends: the unit_quarter grain's
 * rows of $first_quarter and of $last_quarter alone, the quarters between
 * left out. One statement rather than one a quarter: a statement's fixed
 * cost (DuckDB plans each of these in about 10 ms natively) is paid once,
 * and at a hundred times the units the two ends of a year took 44-55 ms
 * natively as one statement against 64-70 ms as two.
 */
export function unitEndsSql(measures: readonly Metric[], profile: Profile = 'internal'): string {
	const ends = " WHERE quarter IN (strftime($first_quarter::DATE, '%Y-%m-%d'), strftime($last_quarter::DATE, '%Y-%m-%d'))";
	return once(`ends|${profile}|${measures.map((m) => m.id).join()}`, () => writeMeasureSql('unit_quarter', measures, profile, 'units', ends));
}

/** A row of measureSql: the grain's keys and three columns per measure. */
export type MeasureRow = { quarter: string } & Record<string, string | number | null>;

/** The names of a measure's columns in a row of measureSql or unitWindowSql. */
export interface MeasureColumns {
	value: string;
	numerator: string;
	denominator: string;
	suppressed: string;
	/** On a public build's unit windows, the columns saying a count the formula reads was given rounded (roundedIn). */
	rounded: readonly string[];
}

const columnsOfMetric = new WeakMap<Metric, MeasureColumns>();
/**
 * A measure's column names, written once per measure: a funnel reads them
 * for each of thousands of units (../views/sites.ts, funnelOf).
 */
export function measureColumns(metric: Metric): MeasureColumns {
	let columns = columnsOfMetric.get(metric);
	if (!columns) {
		const { id } = metric;
		columns = { value: `${id}.value`, numerator: `${id}.numerator`, denominator: `${id}.denominator`, suppressed: `${id}.suppressed`, rounded: peopleIn(metric.formula).map((fact) => `rounded_${fact}`) };
		columnsOfMetric.set(metric, columns);
	}
	return columns;
}

/** One measure's columns of a row, as the charts read them. */
export function measureOf(row: MeasureRow, metric: Metric): MetricRow {
	const columns = measureColumns(metric);
	return {
		quarter: row.quarter as string,
		value: (row[columns.value] as number | null) ?? null,
		numerator: (row[columns.numerator] as number | null) ?? null,
		denominator: (row[columns.denominator] as number | null) ?? null,
		...(row[columns.suppressed] ? { suppressed: true } : {}),
	};
}

/**
 * On a public build, whether a unit window's measure rests on a count that
 * the unit's published window gave, rounded (public_windows, #20): the
 * funnels place the unit from it and say so; a figure compared exactly
 * treats it as withheld.
 */
export const roundedIn = (row: MeasureRow, metric: Metric): boolean => measureColumns(metric).rounded.some((column) => Boolean(row[column]));

/** Each measure's series, quarters in order, from rows of the quarter grain. */
export function seriesByMetric(rows: readonly MeasureRow[], measures: readonly Metric[]): Record<string, MetricRow[]> {
	return Object.fromEntries(measures.map((m) => [m.id, rows.map((row) => measureOf(row, m))]));
}

/**
 * The bound parameters for a set of filters. The series starts a year before
 * the first quarter shown, so that the first quarter shown can be compared
 * with a year earlier.
 */
export function measureParams(filters: Filters, defaults: { from: string; to: string }): Params {
	const from = filters.from ?? defaults.from;
	const to = filters.to ?? defaults.to;
	return {
		first_quarter: quarterStart(shiftQuarter(from, -4)),
		last_quarter: quarterStart(to),
		region: filters.region,
		org: filters.org,
		funding: filters.funding,
		unit: filters.unit,
	};
}

/**
 * Measures per chosen unit over a window of quarters, $first_quarter to
 * $last_quarter, as one row each: the facts of the unit_quarter grain
 * summed over the window. A mean over weeks (fte, waitlist) is weighted by
 * the quarter's reported weeks, so it stays a mean over the window's
 * reported weeks; what is counted on a quarter's last day is taken from the
 * last quarter. The formulas are the registry's, unchanged. Each row also
 * has the window's reported weeks, `weeks`, so that a sum over weeks can be
 * read as a mean weekly count.
 */
export function unitWindowSql(measures: readonly Metric[], profile: Profile = 'internal'): string {
	return once(`window|${profile}|${measures.map((m) => m.id).join()}`, () => writeUnitWindowSql(measures, profile));
}

function writeUnitWindowSql(measures: readonly Metric[], profile: Profile): string {
	const isPublic = profile === 'public';
	// A window with a withheld quarter is withheld: a sum of the quarters shown would be a wrong number.
	const withheldIn = (fact: string) => `bool_or(weeks > 0 AND ${fact} IS NULL)`;
	const sum = (fact: string, of = fact) => (isPublic && PEOPLE_FACTS.includes(fact) ? `CASE WHEN ${withheldIn(fact)} THEN NULL ELSE sum(${of}) END` : `sum(${of})`);
	// On a public build, the unit's published window stands in for a withheld quarter: its count rounded, times the window's weeks (#20).
	const windowed = (fact: string) => isPublic && (WINDOW_COUNTS as readonly string[]).includes(fact);
	const total = (name: string) => (windowed(name) ? `coalesce(${sum(name)}, any_value(window_${name}) * sum(weeks))` : sum(name));
	const fromWindow = WINDOW_COUNTS.map((name) => `(${withheldIn(name)} AND any_value(window_${name}) IS NOT NULL) AS rounded_${name}`).join(', ');
	return `${factsOf(profile, 'unit_quarter')}SELECT strftime($last_quarter::DATE, '%Y-%m-%d') AS quarter, unit_id, unit_name, region_code, closed, weeks,${isPublic ? WINDOW_COUNTS.map((name) => ` rounded_${name},`).join('') : ''}
    ${measures.map((m) => formulaColumns(m.id, m.formula, profile)).join(',\n    ')}
FROM (
    SELECT unit_id, unit_name, region_code, closed,
        arg_max(units_open, quarter) AS units_open, arg_max(areas_served, quarter) AS areas_served,
        arg_max(population_served, quarter) AS population_served, any_value(areas) AS areas, any_value(population) AS population,
        sum(weeks) AS weeks,
        ${eachFact((name, fact) => (fact.quarter === 'avg' ? `${sum(name, `${name} * weeks`)} / sum(weeks) AS ${name}` : `${total(name)} AS ${name}`))},
        ${sum('reported')} AS reported, sum(expected) AS expected${isPublic ? `,
        ${fromWindow}` : ''}
    FROM facts${
		isPublic
			? `
    LEFT JOIN (
        SELECT unit_id AS window_unit, ${WINDOW_COUNTS.map((name) => `${name} AS window_${name}`).join(', ')} FROM public_windows
        WHERE quarter = $last_quarter::DATE AND (quarter - INTERVAL 9 MONTH)::DATE = $first_quarter::DATE
    ) w ON w.window_unit = facts.unit_id`
			: ''
	}
    GROUP BY unit_id, unit_name, region_code, closed
) facts
ORDER BY unit_name, unit_id`;
}

/**
 * Where the weekly facts of ./facts.ts come from: the published cells
 * (pipelines/sql/cells.sql), summed once by the pipeline for every quarter,
 * unit and cell of the cube region × organisation type × funding. A query
 * reads the cell that its filters name, so that any combination of them
 * costs the same as none, at any number of units.
 *
 * The internal profile publishes the cube's cells as `cube` and the units'
 * as `unit_quarter`; the public one both in `public_cells`, protected, where
 * a count of people the pipeline withheld is NULL (and so is every measure
 * over it). Both are read by the same statements.
 *
 * A grain that splits by region or organisation type reads the cells with
 * that key set. A statement that names a unit, or lists units, reads the
 * units' cells; any other reads only the cube's, and so never waits for the
 * units' mart. Stocks are published as people in an average week; the facts
 * are participant-weeks, so they are multiplied back by the cell's weeks.
 */
import { fromPublished, unitCellsOf, type Profile } from '$lib/contract';
import { eachFact, factsSql, type Grain, type Split } from './facts';

/** Which cells a statement reads: the cube's, or the chosen units'. */
export type Cells = 'cube' | 'units';

/** Each profile's cells, as relations with the columns of the contract's public_cells (less unit_id in a cube of its own). */
const CELL_RELATIONS: Record<Profile, Record<Cells, string>> = {
	internal: { cube: 'cube', units: unitCellsOf('internal') },
	public: { cube: '(SELECT * FROM public_cells WHERE unit_id IS NULL)', units: unitCellsOf('public') },
};

/** The units' cells of a profile, as a relation. */
export const unitCells = (profile: Profile) => CELL_RELATIONS[profile].units;

/** The cube's keys and the filter each answers to. */
const DIMENSIONS = [
	['region_code', '$region::VARCHAR'],
	['org_type', '$org::VARCHAR'],
	['funding', '$funding::VARCHAR'],
] as const;

/** The cube cells a grain reads: the filters' cell, with the grain's own key set (and, where the filter applies, equal to it). */
function cubeCells(grain: Grain): string {
	const split = grain === 'region_quarter' ? 'region_code' : grain === 'org_quarter' ? 'org_type' : null;
	return DIMENSIONS.map(([column, filter]) => {
		if (column !== split) return `c.${column} IS NOT DISTINCT FROM ${filter}`;
		// Every region is listed whatever the region filter; organisation types answer to theirs.
		return grain === 'region_quarter' ? `c.${column} IS NOT NULL` : `c.${column} IS NOT NULL AND (${filter} IS NULL OR c.${column} = ${filter})`;
	}).join(' AND ');
}

/**
 * The facts CTEs that read the cells: `cells` (after chosen_units, for the
 * units' cells), then quarter_weeks (per quarter, and group where the grain
 * has one, with reports) and open_facts (every cell: expected, and the units
 * and municipalities counted on the quarter's last day). A statement that
 * reads the units' cells names one unit or lists them one to a group, so
 * each group has one cell: a municipality that two units serve is counted
 * once only in the cube's cells.
 */
function fromCells(profile: Profile, cells: Cells, grain: Grain, split: Split | undefined, chosenUnits: string): string {
	const g = split ? ', grp' : '';
	const relation = CELL_RELATIONS[profile][cells];
	const period = 'c.quarter BETWEEN $first_quarter::DATE AND $last_quarter::DATE';
	const read =
		cells === 'units'
			? `${chosenUnits},
cells AS (
    SELECT c.*${split ? ', u.grp' : ''}
    FROM ${relation} c JOIN chosen_units u USING (unit_id)
    WHERE ${period}
)`
			: `cells AS (
    SELECT c.*${split ? `, c.${grain === 'region_quarter' ? 'region_code' : 'org_type'} AS grp` : ''}
    FROM ${relation} c
    WHERE ${period} AND ${cubeCells(grain)}
)`;
	return `${read},
quarter_weeks AS (
    SELECT quarter${g}, weeks, reported,
        ${eachFact((name, fact) => (fromPublished(fact) === name ? name : `${fromPublished(fact)} AS ${name}`))}
    FROM cells WHERE weeks > 0
),
open_facts AS (
    SELECT quarter${g}, expected, units_open, areas_served, population_served FROM cells
)`;
}

const written = new Map<string, string>();

/**
 * The facts CTEs of a grain on a build of the profile; a measure query adds
 * its SELECT from `facts`. A statement that names a unit reads the units'
 * cells (`cells` 'units'); a grain of units always does.
 */
export function factsOf(profile: Profile, grain: Grain, cells: Cells = 'cube'): string {
	const read: Cells = grain === 'unit_quarter' ? 'units' : cells;
	const key = `${profile}|${grain}|${read}`;
	let sql = written.get(key);
	if (sql === undefined) written.set(key, (sql = factsSql(grain, (g, split, chosenUnits) => fromCells(profile, read, g, split, chosenUnits))));
	return sql;
}

/**
 * The facts of ./facts.ts on a public build: the same columns at the same
 * grains, read from the published cells (public_cells) instead of summed
 * from unit_week, which the public profile does not publish.
 *
 * A cell is a unit's quarter (with $unit), or the cube cell that the filters
 * name: region × organisation type × funding, a NULL key meaning all. A
 * grain that splits by region or organisation type reads the cells with that
 * key set. What is counted from units, municipalities and inhabitants
 * (units_open, areas_served, population…) is computed as on an internal
 * build, from the marts both publish.
 *
 * Stocks are published as people in an average week; the facts are
 * participant-weeks, so they are multiplied back by the cell's weeks. A count
 * of people the pipeline withheld is NULL, and so is every measure over it.
 */
import { fromPublished } from '$lib/contract';
import { eachFact, factsSql, GRAINS, type Grain, type WeeklyFacts } from './facts';

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

/** The weekly facts of ./facts.ts from the published cells: a stock (a weekly mean there) times the cell's weeks is its participant-weeks. */
const FROM_PUBLIC_CELLS: WeeklyFacts = (grain, split) => {
	const g = split ? ', grp' : '';
	// A unit's own cells where units are the grain or one is chosen; the cube's otherwise.
	const chosenCells =
		grain === 'unit_quarter'
			? 'c.unit_id IN (SELECT unit_id FROM chosen_units)'
			: `CASE WHEN $unit::VARCHAR IS NULL THEN c.unit_id IS NULL AND ${cubeCells(grain)} ELSE c.unit_id IN (SELECT unit_id FROM chosen_units) END`;
	const cellGroup = grain === 'region_quarter' ? 'c.region_code' : grain === 'org_quarter' ? 'c.org_type' : 'NULL';
	return `cells AS (
    SELECT c.*${split ? `, coalesce(u.grp, ${cellGroup}) AS grp` : ''}
    FROM public_cells c${split ? ' LEFT JOIN chosen_units u ON u.unit_id = c.unit_id' : ''}
    WHERE c.quarter BETWEEN $first_quarter::DATE AND $last_quarter::DATE AND ${chosenCells}
),
quarter_weeks AS (
    SELECT quarter${g}, weeks, reported,
        ${eachFact((name, fact) => (fromPublished(fact) === name ? name : `${fromPublished(fact)} AS ${name}`))}
    FROM cells WHERE weeks > 0
),
open_weeks AS (
    SELECT quarter${g}, expected FROM cells
)`;
};

/** The facts CTEs of each grain on a public build. */
export const PUBLIC_FACTS = Object.fromEntries(GRAINS.map((grain) => [grain, factsSql(grain, FROM_PUBLIC_CELLS)])) as Record<Grain, string>;

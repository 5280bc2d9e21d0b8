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
import { AREA_FACTS, GRAIN_KEYS, GRAINS, SPLITS, type Grain } from './facts';

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

function publicFactsSql(grain: Grain): string {
	if (grain === 'area_quarter') return AREA_FACTS;
	const split = SPLITS[grain];
	const g = split ? ', grp' : '';
	const ug = split ? ', u.grp' : '';
	const region = split?.regionFilter === false ? 'NULL' : '$region::VARCHAR';
	const on = (alias: string) => `${alias}.quarter = q.quarter${split ? ` AND ${alias}.grp = g.grp` : ''}`;
	const keys = GRAIN_KEYS[grain].slice(1).map((key) => `g.${key}`);
	// A unit's own cells where units are the grain or one is chosen; the cube's otherwise.
	const chosenCells =
		grain === 'unit_quarter'
			? 'c.unit_id IN (SELECT unit_id FROM chosen_units)'
			: `CASE WHEN $unit::VARCHAR IS NULL THEN c.unit_id IS NULL AND ${cubeCells(grain)} ELSE c.unit_id IN (SELECT unit_id FROM chosen_units) END`;
	const cellGroup = grain === 'region_quarter' ? 'c.region_code' : grain === 'org_quarter' ? 'c.org_type' : 'NULL';
	return `WITH quarters AS (
    SELECT * FROM quarters_between($first_quarter, $last_quarter)
),
chosen_units AS MATERIALIZED (
    SELECT unit_id, name, region_code, opened_on, closed_on${split ? `, ${split.unit} AS grp` : ''}
    FROM filtered_units(${region}, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
chosen_areas AS MATERIALIZED (
    SELECT code, region_code, population FROM areas${region === 'NULL' ? '' : ' WHERE $region::VARCHAR IS NULL OR region_code = $region::VARCHAR'}
),
cells AS (
    SELECT c.*${split ? `, coalesce(u.grp, ${cellGroup}) AS grp` : ''}
    FROM public_cells c${split ? ' LEFT JOIN chosen_units u ON u.unit_id = c.unit_id' : ''}
    WHERE c.quarter BETWEEN $first_quarter::DATE AND $last_quarter::DATE AND ${chosenCells}
),
quarter_weeks AS (
    SELECT quarter${g}, fte, waitlist, weeks, wait_days::DOUBLE AS wait_days, enrolled::DOUBLE AS enrolled,
        referrals::DOUBLE AS referrals, job_starts::DOUBLE AS job_starts, education_starts::DOUBLE AS education_starts,
        employed * weeks AS employed, caseload * weeks AS caseload, caseload_young * weeks AS caseload_young,
        in_education * weeks AS in_education, reported
    FROM cells WHERE weeks > 0
),
quarter_units AS (
    SELECT q.quarter${ug},
        count(*) FILTER (WHERE open_on(u.opened_on, u.closed_on, q.last_day)) AS units_open
    FROM quarters q, chosen_units u
    GROUP BY q.quarter${ug}
),
open_weeks AS (
    SELECT quarter${g}, expected FROM cells
),
served AS (
    SELECT quarter${g}, count(*) AS areas_served, sum(population) AS population_served
    FROM (
        SELECT DISTINCT q.quarter, a.code, a.population${split ? `, ${split.area ?? 'u.grp'} AS grp` : ''}
        FROM quarters q
        JOIN unit_areas ua ON served_on(ua.valid_from, ua.valid_to, q.last_day)
        JOIN chosen_units u ON u.unit_id = ua.unit_id AND open_on(u.opened_on, u.closed_on, q.last_day)
        JOIN chosen_areas a ON a.code = ua.area_code
    )
    GROUP BY quarter${g}
),
area_totals AS (
    SELECT ${split?.area ? `${split.area} AS grp, ` : ''}count(*)::DOUBLE AS areas, sum(population)::DOUBLE AS population
    FROM chosen_areas a${split?.area ? ' GROUP BY grp' : ''}
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter${keys.map((k) => `, ${k}`).join('')},
        coalesce(qu.units_open, 0)::DOUBLE AS units_open,
        coalesce(s.areas_served, 0)::DOUBLE AS areas_served,
        coalesce(s.population_served, 0)::DOUBLE AS population_served,
        t.areas, t.population,
        w.fte, w.waitlist::DOUBLE AS waitlist, w.weeks::DOUBLE AS weeks,
        w.wait_days, w.enrolled, w.referrals, w.job_starts, w.education_starts,
        w.employed, w.caseload, w.caseload_young, w.in_education,
        coalesce(w.reported, 0)::DOUBLE AS reported,
        coalesce(o.expected, 0)::DOUBLE AS expected
    FROM quarters q${split ? `\n    CROSS JOIN (${split.groups}) g` : ''}
    LEFT JOIN quarter_units qu ON ${on('qu')}
    LEFT JOIN served s ON ${on('s')}
    LEFT JOIN quarter_weeks w ON ${on('w')}
    LEFT JOIN open_weeks o ON ${on('o')}
    ${split?.area ? 'LEFT JOIN area_totals t ON t.grp = g.grp' : 'CROSS JOIN area_totals t'}
)
`;
}

/** The facts CTEs of each grain on a public build. */
export const PUBLIC_FACTS = Object.fromEntries(GRAINS.map((grain) => [grain, publicFactsSql(grain)])) as Record<Grain, string>;

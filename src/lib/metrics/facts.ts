/**
 * Where the facts every measure reads come from, at each grain. A measure's
 * formula (./types.ts) is an expression over these columns and means the
 * same at any grain; only the grouping changes.
 *
 * Grains:
 *   quarter          one row per quarter, for the units and municipalities the
 *                    filters choose (the region filter limits both: units of
 *                    the region, and its municipalities, served by a chosen
 *                    type and funding of unit from any region)
 *   region_quarter   one row per region and quarter: units counted in their own
 *                    region, municipalities in theirs; every region is listed,
 *                    so the region filter does not apply (a view highlights it)
 *   org_quarter      one row per organisation type and quarter (every type
 *                    listed): units and their reports by type; the municipalities
 *                    are those of the selection, served by units of the type
 *   unit_quarter     one row per chosen unit and quarter, of the units with a
 *                    cell in the period (open or reporting in one of its
 *                    quarters): its own reports, and the municipalities it serves
 *   area_quarter     one row per municipality (of the region chosen, or the
 *                    country) and quarter: units_open counts the open chosen
 *                    units serving it, whatever their own region; served is 0
 *                    or 1; the weekly facts are NULL (a unit's reports are not
 *                    split between the municipalities it serves)
 *
 * Parameters (named, always bound): $first_quarter and $last_quarter
 * (YYYY-MM-DD, first days of quarters), $region, $org, $funding, $unit
 * (NULL for all).
 *
 * Facts, per row:
 *   quarter            first day of the quarter, YYYY-MM-DD
 *   units_open         chosen units open on the quarter's last day
 *   areas_served       municipalities served on the quarter's last day by an
 *                      open chosen unit (all three from the cells, which count
 *                      them once per cell: ./cells.ts)
 *   population_served  their inhabitants
 *   areas, population  all municipalities of the row's region or selection, and their inhabitants
 *   fte, waitlist      summed over the chosen units, averaged over the quarter's
 *                      reported weeks (weeks with a report from a chosen unit;
 *                      on a public build, weeks a chosen unit was open);
 *                      NULL without reports
 *   weeks              the quarter's reported weeks, on a public build its weeks
 *                      open (a mean weekly count is a sum over weeks)
 *   wait_days, enrolled, referrals, job_starts, education_starts
 *                      summed over the quarter's reports; NULL without reports
 *   employed, caseload, caseload_young, in_education
 *                      participant-weeks: summed over the quarter's reports
 *   reported           unit-weeks with a report from a chosen unit open that week
 *   expected           unit-weeks a chosen unit was open, over the weeks in the data
 *
 * The shared predicates (open_on, open_in_week, served_on, quarter_of,
 * quarters_between, filtered_units) are the macros of ./shared.ts.
 */
import { ORG_TYPES, PROTECTION_LEVELS, WEEKLY_FACTS, type WeeklyFact } from '$lib/contract';

/** The weekly facts' columns, each written by `column`, as a select list one to a line (so that a change to one is a line of diff). */
export const eachFact = (column: (name: string, fact: WeeklyFact) => string) => WEEKLY_FACTS.map((fact) => column(fact.name, fact)).join(',\n        ');

export const GRAINS = ['quarter', 'region_quarter', 'org_quarter', 'unit_quarter', 'area_quarter'] as const;
export type Grain = (typeof GRAINS)[number];

/** The key columns of each grain, first in every row. */
export const GRAIN_KEYS: Record<Grain, readonly string[]> = {
	quarter: ['quarter'],
	region_quarter: ['quarter', 'region_code', 'region_name'],
	org_quarter: ['quarter', 'org_type'],
	unit_quarter: ['quarter', 'unit_id', 'unit_name', 'region_code', 'closed'],
	area_quarter: ['quarter', 'code', 'name', 'region_code', 'region_name', 'tile_col', 'tile_row', 'unit_names'],
};

/**
 * How a grain splits the facts: the groups it lists (a relation with a
 * column grp and the grain's key columns), a unit's group, and where the
 * municipalities have a group of their own (regions), an area's group.
 */
export interface Split {
	groups: string;
	unit: string;
	area?: string;
	/** Whether the region filter applies (a grain that lists every region ignores it). */
	regionFilter: boolean;
}

const SPLITS: Partial<Record<Grain, Split>> = {
	region_quarter: {
		groups: 'SELECT DISTINCT region_code AS grp, region_code, region_name FROM areas',
		unit: 'region_code',
		area: 'a.region_code',
		regionFilter: false,
	},
	org_quarter: {
		groups: `SELECT org_type AS grp, org_type FROM (VALUES ${ORG_TYPES.map((o) => `('${o}')`).join(', ')}) v(org_type)`,
		unit: 'org_type',
		regionFilter: true,
	},
	unit_quarter: {
		// Only units with a cell in the period (open, or reporting, in one of its quarters): a unit without has no
		// figure to show, and at a hundred times the units most of a network's units have none in a given quarter.
		groups: "SELECT unit_id AS grp, unit_id, name AS unit_name, region_code, strftime(closed_on, '%Y-%m-%d') AS closed FROM chosen_units WHERE unit_id IN (SELECT grp FROM cells)",
		unit: 'unit_id',
		regionFilter: true,
	},
};

/** Per municipality: which open chosen units serve it on each quarter's last day. */
const AREA_FACTS = `WITH quarters AS (
    SELECT * FROM quarters_between($first_quarter, $last_quarter)
),
chosen_units AS MATERIALIZED (
    SELECT unit_id, name, opened_on, closed_on FROM filtered_units(NULL, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
chosen_areas AS (
    SELECT * FROM areas WHERE $region::VARCHAR IS NULL OR region_code = $region::VARCHAR
),
serving AS (
    SELECT q.quarter, ua.area_code AS code, count(DISTINCT u.unit_id) AS units,
        string_agg(DISTINCT u.name, '; ' ORDER BY u.name) AS unit_names
    FROM quarters q
    JOIN unit_areas ua ON served_on(ua.valid_from, ua.valid_to, q.last_day)
    JOIN chosen_units u ON u.unit_id = ua.unit_id AND open_on(u.opened_on, u.closed_on, q.last_day)
    GROUP BY ALL
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter, a.code, a.name, a.region_code, a.region_name, a.tile_col, a.tile_row,
        coalesce(s.unit_names, '') AS unit_names,
        coalesce(s.units, 0)::DOUBLE AS units_open,
        (coalesce(s.units, 0) > 0)::INTEGER::DOUBLE AS areas_served,
        CASE WHEN s.units > 0 THEN a.population ELSE 0 END::DOUBLE AS population_served,
        1::DOUBLE AS areas, a.population::DOUBLE AS population,
        NULL::DOUBLE AS weeks, ${eachFact((name) => `NULL::DOUBLE AS ${name}`)},
        NULL::DOUBLE AS reported, NULL::DOUBLE AS expected
    FROM quarters q CROSS JOIN chosen_areas a
    LEFT JOIN serving s ON s.quarter = q.quarter AND s.code = a.code
)
`;

/**
 * Where the facts come from: CTEs, after quarters, that define quarter_weeks
 * (per quarter, and group where the grain has one, with reports: fte,
 * waitlist, weeks, the sums and reported) and open_facts (every cell a unit
 * was open in: expected, units_open, areas_served, population_served). Read
 * from the published cells (./cells.ts); `chosenUnits` is the CTE of the
 * units the filters choose, for a reader of the units' cells.
 */
export type CellFacts = (grain: Grain, split: Split | undefined, chosenUnits: string) => string;

/** The facts CTEs of a grain, with the cells' facts from `cells`. */
export function factsSql(grain: Grain, cells: CellFacts): string {
	if (grain === 'area_quarter') return AREA_FACTS;
	const split = SPLITS[grain];
	const region = split?.regionFilter === false ? 'NULL' : '$region::VARCHAR';
	const on = (alias: string) => `${alias}.quarter = q.quarter${split ? ` AND ${alias}.grp = g.grp` : ''}`;
	const keys = GRAIN_KEYS[grain].slice(1).map((key) => `g.${key}`);
	const chosenUnits = `chosen_units AS MATERIALIZED (
    SELECT unit_id, name, region_code, closed_on${split ? `, ${split.unit} AS grp` : ''}
    FROM filtered_units(${region}, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
)`;
	return `WITH quarters AS (
    SELECT * FROM quarters_between($first_quarter, $last_quarter)
),
chosen_areas AS MATERIALIZED (
    SELECT code, region_code, population FROM areas${region === 'NULL' ? '' : ' WHERE $region::VARCHAR IS NULL OR region_code = $region::VARCHAR'}
),
${cells(grain, split, chosenUnits)},
area_totals AS (
    SELECT ${split?.area ? `${split.area} AS grp, ` : ''}count(*)::DOUBLE AS areas, sum(population)::DOUBLE AS population
    FROM chosen_areas a${split?.area ? ' GROUP BY grp' : ''}
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter${keys.map((k) => `, ${k}`).join('')},
        coalesce(o.units_open, 0)::DOUBLE AS units_open,
        coalesce(o.areas_served, 0)::DOUBLE AS areas_served,
        coalesce(o.population_served, 0)::DOUBLE AS population_served,
        t.areas, t.population,
        w.weeks::DOUBLE AS weeks,
        ${eachFact((name) => `w.${name}`)},
        -- No reports: none reported. Reports with the count withheld (a public build): unknown.
        (CASE WHEN w.weeks IS NULL THEN 0 ELSE w.reported END)::DOUBLE AS reported,
        coalesce(o.expected, 0)::DOUBLE AS expected
    FROM quarters q${split ? `\n    CROSS JOIN (${split.groups}) g` : ''}
    LEFT JOIN quarter_weeks w ON ${on('w')}
    LEFT JOIN open_facts o ON ${on('o')}
    ${split?.area ? 'LEFT JOIN area_totals t ON t.grp = g.grp' : 'CROSS JOIN area_totals t'}
)
`;
}

/**
 * The facts the public profile may withhold (NULL there, while the row has
 * reports): every column of its cells it protects, the counts of people,
 * the days waited, and the FTE and weeks reported of few specialists. A
 * measure over one of them is withheld with it.
 */
export const PEOPLE_FACTS: readonly string[] = Object.keys(PROTECTION_LEVELS.public_cells);

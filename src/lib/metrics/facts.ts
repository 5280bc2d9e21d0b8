/**
 * Where the facts every measure reads come from, at each grain. A measure's
 * formula (./types.ts) is an expression over these columns and means the
 * same at any grain; only the grouping changes.
 *
 * Grains:
 *   quarter          one row per quarter, for the units and municipalities the
 *                    filters choose (the region filter limits both)
 *   region_quarter   one row per region and quarter: units counted in their own
 *                    region, municipalities in theirs; every region is listed,
 *                    so the region filter does not apply (a view highlights it)
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
 *                      open chosen unit
 *   population_served  their inhabitants
 *   areas, population  all municipalities of the row's region or selection, and their inhabitants
 *   fte, waitlist      summed over the chosen units, averaged over the quarter's
 *                      reported weeks (weeks with a report from a chosen unit);
 *                      NULL without reports
 *   wait_days, enrolled, employed, caseload
 *                      summed over the quarter's reports; NULL without reports
 *   reported           unit-weeks with a report from a chosen unit open that week
 *   expected           unit-weeks a chosen unit was open, over the weeks in the data
 *
 * The shared predicates (open_on, open_in_week, served_on, quarter_of,
 * quarters_between, filtered_units) are the macros of ./shared.ts.
 */
export const GRAINS = ['quarter', 'region_quarter', 'area_quarter'] as const;
export type Grain = (typeof GRAINS)[number];

/** The key columns of each grain, first in every row. */
export const GRAIN_KEYS: Record<Grain, readonly string[]> = {
	quarter: ['quarter'],
	region_quarter: ['quarter', 'region_code', 'region_name'],
	area_quarter: ['quarter', 'code', 'name', 'region_code', 'region_name', 'tile_col', 'tile_row', 'unit_names'],
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
        NULL::DOUBLE AS fte, NULL::DOUBLE AS waitlist, NULL::DOUBLE AS wait_days, NULL::DOUBLE AS enrolled,
        NULL::DOUBLE AS employed, NULL::DOUBLE AS caseload, NULL::DOUBLE AS reported, NULL::DOUBLE AS expected
    FROM quarters q CROSS JOIN chosen_areas a
    LEFT JOIN serving s ON s.quarter = q.quarter AND s.code = a.code
)
`;

function factsSql(grain: Grain): string {
	if (grain === 'area_quarter') return AREA_FACTS;
	const byRegion = grain === 'region_quarter';
	// The extra grouping column, where there is one, in each place it goes.
	const unitKey = byRegion ? ', u.region_code' : '';
	const key = byRegion ? ', region_code' : '';
	const region = byRegion ? 'NULL' : '$region::VARCHAR';
	const on = (alias: string) => `${alias}.quarter = q.quarter${byRegion ? ` AND ${alias}.region_code = r.region_code` : ''}`;
	return `WITH quarters AS (
    SELECT * FROM quarters_between($first_quarter, $last_quarter)
),
chosen_units AS MATERIALIZED (
    SELECT unit_id, region_code, opened_on, closed_on
    FROM filtered_units(${region}, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
chosen_areas AS MATERIALIZED (
    SELECT code, region_code, population FROM areas${byRegion ? '' : ' WHERE $region::VARCHAR IS NULL OR region_code = $region::VARCHAR'}
),
week_totals AS (
    SELECT quarter_of(w.week) AS quarter, w.week${unitKey},
        sum(w.fte) AS fte, sum(w.waitlist) AS waitlist, sum(w.wait_days) AS wait_days, sum(w.enrolled) AS enrolled,
        sum(w.employed) AS employed, sum(w.caseload) AS caseload,
        count(*) FILTER (WHERE open_in_week(u.opened_on, u.closed_on, w.week)) AS reported
    FROM unit_week w JOIN chosen_units u USING (unit_id)
    GROUP BY w.week${unitKey}
),
quarter_weeks AS (
    SELECT quarter${key}, avg(fte) AS fte, avg(waitlist) AS waitlist,
        sum(wait_days)::DOUBLE AS wait_days, sum(enrolled)::DOUBLE AS enrolled,
        sum(employed)::DOUBLE AS employed, sum(caseload)::DOUBLE AS caseload, sum(reported) AS reported
    FROM week_totals GROUP BY quarter${key}
),
quarter_units AS (
    SELECT q.quarter${unitKey},
        count(*) FILTER (WHERE open_on(u.opened_on, u.closed_on, q.last_day)) AS units_open
    FROM quarters q, chosen_units u
    GROUP BY q.quarter${unitKey}
),
open_weeks AS (
    SELECT quarter_of(d.week) AS quarter${unitKey}, count(*) AS expected
    FROM (SELECT DISTINCT week FROM unit_week) d, chosen_units u
    WHERE open_in_week(u.opened_on, u.closed_on, d.week)
    GROUP BY ALL
),
served AS (
    SELECT quarter${key}, count(*) AS areas_served, sum(population) AS population_served
    FROM (
        SELECT DISTINCT q.quarter, a.code, a.population${byRegion ? ', a.region_code' : ''}
        FROM quarters q
        JOIN unit_areas ua ON served_on(ua.valid_from, ua.valid_to, q.last_day)
        JOIN chosen_units u ON u.unit_id = ua.unit_id AND open_on(u.opened_on, u.closed_on, q.last_day)
        JOIN chosen_areas a ON a.code = ua.area_code
    )
    GROUP BY quarter${key}
),
area_totals AS (
    SELECT ${byRegion ? 'region_code, ' : ''}count(*)::DOUBLE AS areas, sum(population)::DOUBLE AS population
    FROM chosen_areas${byRegion ? ' GROUP BY region_code' : ''}
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter${byRegion ? ', r.region_code, r.region_name' : ''},
        coalesce(qu.units_open, 0)::DOUBLE AS units_open,
        coalesce(s.areas_served, 0)::DOUBLE AS areas_served,
        coalesce(s.population_served, 0)::DOUBLE AS population_served,
        t.areas, t.population,
        w.fte, w.waitlist::DOUBLE AS waitlist, w.wait_days, w.enrolled, w.employed, w.caseload,
        coalesce(w.reported, 0)::DOUBLE AS reported,
        coalesce(o.expected, 0)::DOUBLE AS expected
    FROM quarters q${byRegion ? '\n    CROSS JOIN (SELECT DISTINCT region_code, region_name FROM areas) r' : ''}
    LEFT JOIN quarter_units qu ON ${on('qu')}
    LEFT JOIN served s ON ${on('s')}
    LEFT JOIN quarter_weeks w ON ${on('w')}
    LEFT JOIN open_weeks o ON ${on('o')}
    ${byRegion ? 'LEFT JOIN area_totals t ON t.region_code = r.region_code' : 'CROSS JOIN area_totals t'}
)
`;
}

/** The facts CTEs of each grain; a measure query adds its SELECT from `facts`. */
export const FACTS = Object.fromEntries(GRAINS.map((grain) => [grain, factsSql(grain)])) as Record<Grain, string>;

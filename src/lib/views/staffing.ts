/**
 * Staffing: annual specialist turnover (the NHS leaver rate: leavers ÷ mean
 * headcount), by organisation type and team size; how long specialists stay
 * (Kaplan–Meier over their spells), the stability index, and a vacancy signal.
 *
 * Years shown are calendar years wholly inside the data (its reports cover
 * every Monday of the year) and inside the chosen period.
 */
import { quarterStart, shiftQuarter, type Filters } from '$lib/filters';
import { kaplanMeier, median, type KaplanMeierRow, type Median } from '$lib/stats/survival';
import type { Period, ViewDefinition } from './context';

/** The chosen units, and the calendar years wholly inside both the data and the chosen period. */
const CHOSEN_YEARS = `
chosen AS MATERIALIZED (
    SELECT unit_id, org_type FROM filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
data_weeks AS (SELECT DISTINCT week FROM unit_week),
years AS (
    SELECT year(week) AS year, count(*) AS weeks FROM data_weeks
    GROUP BY year(week)
    HAVING min(week) <= make_date(year(week), 1, 7) AND max(week) >= make_date(year(week), 12, 25)
        AND make_date(year(week), 1, 1) >= $first_day::DATE AND make_date(year(week), 12, 31) <= $last_day::DATE
)`;

/**
 * Leavers and mean headcount per year, for the selection, per organisation
 * type and per team size. A leaver is a spell that ended with its last week
 * in the year; the mean headcount is the mean, over the year's weeks, of the
 * specialists reporting. A unit's team size in a year is its mean reported
 * headcount, rounded: 1, 2–3 or 4+.
 */
export const TURNOVER_SQL = `WITH ${CHOSEN_YEARS},
unit_years AS (
    SELECT w.unit_id, year(w.week) AS year, sum(w.specialists) AS specialist_weeks, round(avg(w.specialists)) AS team
    FROM unit_week w JOIN chosen USING (unit_id)
    WHERE year(w.week) IN (SELECT year FROM years)
    GROUP BY w.unit_id, year(w.week)
),
unit_leavers AS (
    SELECT s.unit_id, year(s.last_week) AS year, count(*) AS leavers
    FROM specialist_spells s JOIN chosen USING (unit_id)
    WHERE s.ended GROUP BY s.unit_id, year(s.last_week)
),
unit_rows AS (
    SELECT uy.year, c.org_type, CASE WHEN uy.team <= 1 THEN '1' WHEN uy.team <= 3 THEN '2-3' ELSE '4+' END AS team_size,
        uy.specialist_weeks, coalesce(l.leavers, 0) AS leavers
    FROM unit_years uy JOIN chosen c USING (unit_id)
    LEFT JOIN unit_leavers l ON l.unit_id = uy.unit_id AND l.year = uy.year
)
SELECT r.year::INTEGER AS year,
    CASE WHEN GROUPING(r.org_type) = 0 THEN 'org' WHEN GROUPING(r.team_size) = 0 THEN 'team' ELSE 'all' END AS split,
    coalesce(r.org_type, r.team_size, 'all') AS "group",
    sum(r.leavers)::DOUBLE AS leavers,
    (sum(r.specialist_weeks) / any_value(y.weeks))::DOUBLE AS mean_headcount
FROM unit_rows r JOIN years y USING (year)
GROUP BY GROUPING SETS ((r.year), (r.year, r.org_type), (r.year, r.team_size))
ORDER BY split, "group", year`;

/** Every spell of a chosen unit begun by the end of the chosen period, cut at that end: days in post, and whether it ended. */
export const SPELLS_SQL = `
SELECT (least(s.last_week, $last_day::DATE) - s.first_week + 7)::DOUBLE AS days, (s.ended AND s.last_week <= $last_day::DATE) AS ended
FROM specialist_spells s
JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
WHERE s.first_week <= $last_day::DATE
ORDER BY days, ended`;

/**
 * The stability index: of the spells in post in the week a year before the
 * last reported week of the chosen period, the share still in post in that
 * last week. A spell is in post in a week from its first to its last week.
 */
export const STABILITY_SQL = `
WITH last AS (SELECT max(week) AS week FROM unit_week WHERE week <= $last_day::DATE),
spells AS (
    SELECT s.* FROM specialist_spells s
    JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
),
before AS (SELECT * FROM spells, last WHERE first_week <= last.week - 364 AND last_week >= last.week - 364)
SELECT strftime((SELECT week FROM last) - 364, '%Y-%m-%d') AS from_week, strftime((SELECT week FROM last), '%Y-%m-%d') AS to_week,
    count(*)::DOUBLE AS in_post, (count(*) FILTER (WHERE last_week >= (SELECT week FROM last)))::DOUBLE AS stayed
FROM before`;

/** Unit-weeks per year in which a unit had fewer specialists reporting than the most it had in the 8 weeks before. */
export const VACANCY_SQL = `WITH ${CHOSEN_YEARS},
weekly AS (
    SELECT w.week, w.specialists,
        max(w.specialists) OVER (PARTITION BY w.unit_id ORDER BY w.week RANGE BETWEEN INTERVAL 56 DAYS PRECEDING AND INTERVAL 7 DAYS PRECEDING) AS before
    FROM unit_week w JOIN chosen USING (unit_id)
)
SELECT y.year::INTEGER AS year, (count(w.week) FILTER (WHERE w.specialists < w.before))::DOUBLE AS vacancy_weeks, count(w.week)::DOUBLE AS unit_weeks
FROM years y LEFT JOIN weekly w ON year(w.week) = y.year
GROUP BY y.year ORDER BY y.year`;

export interface TurnoverRow {
	year: number;
	split: 'all' | 'org' | 'team';
	group: string;
	leavers: number;
	mean_headcount: number;
}

export interface StaffingResults {
	turnover: TurnoverRow[];
	tenure: { rows: KaplanMeierRow[]; median: Median; spells: number };
	stability: { from_week: string; to_week: string; in_post: number; stayed: number };
	vacancy: { year: number; vacancy_weeks: number; unit_weeks: number }[];
}

/** The bound parameters of the staffing queries: the filters, and the chosen period as days. */
export function staffingParams(filters: Filters, period: Period) {
	const to = filters.to ?? period.to;
	return {
		region: filters.region,
		org: filters.org,
		funding: filters.funding,
		unit: filters.unit,
		first_day: quarterStart(filters.from ?? period.from),
		// The chosen period's last day: the day before the quarter after `to`.
		last_day: new Date(Date.parse(`${quarterStart(shiftQuarter(to, 1))}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
	};
}

export const staffing: ViewDefinition<StaffingResults> = {
	id: 'staffing',
	async load(db, filters, { period }) {
		const params = staffingParams(filters, period);
		const [turnover, spells, stability, vacancy] = await Promise.all([
			db.query<TurnoverRow>(TURNOVER_SQL, params),
			db.query<{ days: number; ended: boolean }>(SPELLS_SQL, params),
			db.query<StaffingResults['stability']>(STABILITY_SQL, params),
			db.query<StaffingResults['vacancy'][number]>(VACANCY_SQL, params),
		]);
		const rows = kaplanMeier(spells.map((s) => ({ entry: 0, exit: s.days, event: s.ended })));
		return { turnover, tenure: { rows, median: median(rows), spells: spells.length }, stability: stability[0]!, vacancy };
	},
};

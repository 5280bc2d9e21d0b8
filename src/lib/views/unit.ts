/**
 * A unit's page: its life (opened, funding, municipalities served, fidelity
 * reviews) and, over the whole history, each key measure as the unit's line
 * against its network (its region) and the nation. A spine chart sets the
 * unit's latest four quarters against the range of its network's units.
 *
 * Computed at build time for each published unit, and in the browser on
 * the check page for a unit on the reader's own reports (`OwnReports`); the
 * same definitions as every other view: the registry's measures at the
 * quarter grain for a unit, a region and the country, and staffing's turnover.
 */
import { quarterEnd, quarterOf, quarterStart, shiftQuarter } from '$lib/time';
import {
	caseloadPerFte,
	educationRate,
	employmentRate,
	jobStartsPerFte,
	meanWait,
	measureOf,
	queryMeasures,
	reportCompleteness,
	roundedIn,
	unitWindowSql,
	waitlistPerFte,
	type MeasureRow,
	type Metric,
	type MetricRow,
} from '$lib/metrics';
import type { Params } from '$lib/db/statement';
import type { Database } from '$lib/db/database';
import { spread, type Spread } from '$lib/stats/quantile';
import type { ViewContext } from './context';
import { PUBLIC_TURNOVER_SQL, TURNOVER_SQL } from '$lib/metrics/staffing';

/** The measures drawn as unit, network and nation over time, in the page's order. */
export const COMPARED = [employmentRate, educationRate, jobStartsPerFte, caseloadPerFte, waitlistPerFte, meanWait, reportCompleteness] as const;
/** The measures of the spine chart: rates and ratios that mean the same for a small and a large unit. */
export const SPINE = [employmentRate, educationRate, caseloadPerFte, waitlistPerFte, meanWait, reportCompleteness] as const;

/** The charts of the one-page PDF and the printed page (by data-chart id), in reading order. */
export const PAGE_CHARTS = ['unit_spine', 'unit_employment_rate', 'unit_caseload_per_fte', 'unit_waitlist_per_fte', 'unit_turnover', 'unit_fidelity'] as const;


export interface UnitFacts {
	unit_id: string;
	name: string;
	org_type: string;
	host: string;
	region_code: string;
	region_name: string;
	opened_on: string;
	closed_on: string | null;
	funding_current: string | null;
	fidelity_latest: number | null;
}

export interface Period {
	/** First days of quarters. */
	first: string;
	last: string;
}

export interface FundingPeriod {
	funding: string;
	valid_from: string;
	valid_to: string | null;
}

export interface ServedArea {
	code: string;
	name: string;
	valid_from: string;
	valid_to: string | null;
}

export interface Review {
	reviewed_on: string;
	score: number;
	level: string;
}

export type Series = 'unit' | 'network' | 'nation';

/** One quarter of a compared measure: the unit, its network and the nation; `withheld` names those withheld (public build). */
export interface Compared {
	quarter: string;
	unit: number | null;
	network: number | null;
	nation: number | null;
	withheld?: Series[];
}

export interface TurnoverYear {
	year: number;
	unit: number | null;
	network: number | null;
	nation: number | null;
	withheld?: Series[];
}

/**
 * A spine chart row: the unit's value against the spread of its network's
 * units. The spread is null where no unit has a value, or where a public
 * build withholds one unit's (`rangeWithheld`): quartiles of the units that
 * are left would be numbers suppression distorted.
 */
export interface SpineRow extends Nullable<Spread> {
	measure: string;
	value: number | null;
	/** Units of the network with a value, shown or withheld. */
	units: number;
	better: 'higher' | 'lower';
	/** The unit's value is withheld (public build). */
	suppressed?: boolean;
	/** The network's spread is withheld (public build): a unit of it has this value withheld. */
	rangeWithheld?: boolean;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };
const NO_SPREAD: Nullable<Spread> = { min: null, q1: null, median: null, q3: null, max: null };

export interface UnitProfile {
	unit: UnitFacts;
	/** The whole history: the quarters with data, and the spine's last four. */
	history: Period;
	window: Period;
	funding: FundingPeriod[];
	areas: ServedArea[];
	fidelity: Review[];
	compared: Record<string, Compared[]>;
	turnover: TurnoverYear[];
	spine: SpineRow[];
	/** On a reader's own reports, where the network's spread is of other quarters than the unit's (`window`): the last published. */
	networkWindow?: Period;
}

/**
 * A reader's own reports for the unit (the check page, src/lib/check/ownUnit.ts): a database whose unit_quarter,
 * staffing and units are theirs alone, and the quarters their reports cover (first days). The unit's lines, turnover and spine
 * values come from it, by the internal profile's queries (the rows are the reader's, never published); its network
 * and the nation from the published marts, as on its published page.
 */
export interface OwnReports {
	db: Database;
	first: string;
	last: string;
}

export async function unitProfile(db: Database, unitId: string, context: ViewContext, own?: OwnReports): Promise<UnitProfile | null> {
	const [unit] = await db.query<UnitFacts>(
		`SELECT u.unit_id, u.name, u.org_type, u.host, u.region_code, r.region_name, strftime(u.opened_on, '%Y-%m-%d') AS opened_on,
            strftime(u.closed_on, '%Y-%m-%d') AS closed_on, u.funding_current, u.fidelity_latest
        FROM units u LEFT JOIN (SELECT DISTINCT region_code, region_name FROM areas) r USING (region_code)
        WHERE u.unit_id = $unit`,
		{ unit: unitId },
	);
	if (!unit) return null;
	const { period, profile } = context;
	const published: Period = { first: quarterStart(period.from), last: quarterStart(period.to) };
	// ISO dates compare as text. A reader's reports may run past the published quarters (this week's, before the next release).
	const history: Period = own ? { first: [published.first, own.first].sort()[0]!, last: [published.last, own.last].sort()[1]! } : published;
	const lastOf = (first: string) => ({ first: quarterStart(shiftQuarter(quarterOf(first), -3)), last: first });
	const networkWindow: Period = lastOf(published.last);
	const window: Period = own ? lastOf(own.last) : networkWindow;
	const ownDb = own?.db ?? db;
	const ownProfile = own ? 'internal' : profile;
	const scope = (region: string | null, unit: string | null): Params => ({
		first_quarter: history.first,
		last_quarter: history.last,
		region,
		org: null,
		funding: null,
		unit,
	});
	// The network and the nation stop at the published period (a later quarter's weeks are not all in), the reader's own reports at theirs.
	const publishedScope = (region: string | null): Params => ({ ...scope(region, null), last_quarter: published.last });
	const days = { first_day: history.first, last_day: quarterEnd(quarterOf(history.last)) };
	const publishedDays = { first_day: history.first, last_day: quarterEnd(period.to) };
	const turnoverSql = (of: string) => (of === 'public' ? PUBLIC_TURNOVER_SQL : TURNOVER_SQL);

	const [funding, areas, fidelity, ownRows, network, nation, turnover, spine, ownWindow] = await Promise.all([
		db.query<FundingPeriod>(
			`SELECT funding, strftime(valid_from, '%Y-%m-%d') AS valid_from, strftime(valid_to, '%Y-%m-%d') AS valid_to
            FROM unit_funding WHERE unit_id = $unit ORDER BY valid_from`,
			{ unit: unitId },
		),
		db.query<ServedArea>(
			`SELECT a.code, a.name, strftime(ua.valid_from, '%Y-%m-%d') AS valid_from, strftime(ua.valid_to, '%Y-%m-%d') AS valid_to
            FROM unit_areas ua JOIN areas a ON a.code = ua.area_code WHERE ua.unit_id = $unit ORDER BY ua.valid_from, a.name`,
			{ unit: unitId },
		),
		db.query<Review>(
			`SELECT strftime(reviewed_on, '%Y-%m-%d') AS reviewed_on, score, level FROM fidelity WHERE unit_id = $unit ORDER BY reviewed_on`,
			{ unit: unitId },
		),
		queryMeasures(ownDb, 'quarter', COMPARED, ownProfile, scope(null, unitId)),
		queryMeasures(db, 'quarter', COMPARED, profile, publishedScope(unit.region_code)),
		queryMeasures(db, 'quarter', COMPARED, profile, publishedScope(null)),
		Promise.all([
			ownDb.query<TurnoverRow>(turnoverSql(ownProfile), { ...scope(null, unitId), ...days }),
			db.query<TurnoverRow>(turnoverSql(profile), { ...publishedScope(unit.region_code), ...publishedDays }),
			db.query<TurnoverRow>(turnoverSql(profile), { ...publishedScope(null), ...publishedDays }),
		]),
		db.query<MeasureRow>(unitWindowSql(SPINE, profile), { ...scope(unit.region_code, null), first_quarter: networkWindow.first, last_quarter: networkWindow.last }),
		own ? own.db.query<MeasureRow>(unitWindowSql(SPINE, 'internal'), { ...scope(unit.region_code, unitId), first_quarter: window.first, last_quarter: window.last }) : null,
	]);

	return {
		unit,
		history,
		window,
		funding,
		areas,
		fidelity,
		compared: Object.fromEntries(COMPARED.map((m) => [m.id, comparedSeries(m, ownRows, network, nation)])),
		turnover: turnoverYears(turnover),
		// On the reader's own reports, the unit's own row among its network's is theirs.
		spine: spineRows(ownWindow ? [...spine.filter((r) => r.unit_id !== unitId), ...ownWindow.filter((r) => r.unit_id === unitId)] : spine, unitId),
		...(own ? { networkWindow } : {}),
	};
}


/** Each quarter of the unit's, with its network's and the nation's of the same quarter (none past the published period). */
function comparedSeries(metric: Metric, own: MeasureRow[], network: MeasureRow[], nation: MeasureRow[]): Compared[] {
	const byQuarter = (rows: MeasureRow[]) => new Map(rows.map((row) => [row.quarter, row]));
	const [networkRows, nationRows] = [byQuarter(network), byQuarter(nation)];
	const at = (row: MeasureRow | undefined) => (row ? measureOf(row, metric) : null);
	return own.map((row) => {
		const [u, r, n] = [at(row), at(networkRows.get(row.quarter)), at(nationRows.get(row.quarter))];
		const withheld = (['unit', 'network', 'nation'] as const).filter((_, k) => [u, r, n][k]?.suppressed);
		return { quarter: row.quarter, unit: u?.value ?? null, network: r?.value ?? null, nation: n?.value ?? null, ...(withheld.length ? { withheld } : {}) };
	});
}

type TurnoverRow = { year: number; split: string; leavers: number | null; mean_headcount: number | null };

function turnoverYears([own, network, nation]: TurnoverRow[][]): TurnoverYear[] {
	const rowOf = (rows: TurnoverRow[] | undefined, year: number) => rows?.find((r) => r.split === 'all' && r.year === year);
	const rate = (rows: TurnoverRow[] | undefined, year: number) => {
		const row = rowOf(rows, year);
		return row && row.leavers !== null && row.mean_headcount ? row.leavers / row.mean_headcount : null;
	};
	// A row with a withheld count (public build): the unit's own, where its headcount or leavers were few.
	const isWithheld = (rows: TurnoverRow[] | undefined, year: number) => {
		const row = rowOf(rows, year);
		return !!row && (row.leavers === null || row.mean_headcount === null);
	};
	const years = [...new Set([...(own ?? []), ...(nation ?? [])].filter((r) => r.split === 'all').map((r) => r.year))].sort();
	return years.map((year) => {
		const withheld = (['unit', 'network', 'nation'] as const).filter((_, k) => isWithheld([own, network, nation][k], year));
		return { year, unit: rate(own, year), network: rate(network, year), nation: rate(nation, year), ...(withheld.length ? { withheld } : {}) };
	});
}

/** Every spine measure has its row, with what is missing said: withheld (":") or no data. */
function spineRows(rows: MeasureRow[], unitId: string): SpineRow[] {
	const mine = rows.find((r) => r.unit_id === unitId);
	// A rate from a unit's rounded window (public build) is approximate: the spine compares exact figures, so there it is withheld.
	const exact = (row: MeasureRow, metric: Metric): MetricRow => (roundedIn(row, metric) ? { ...measureOf(row, metric), value: null, suppressed: true } : measureOf(row, metric));
	return SPINE.map((metric) => {
		const measures = rows.map((r) => exact(r, metric));
		const rangeWithheld = measures.some((m) => m.suppressed);
		const values = measures.map((m) => m.value).filter((v): v is number => v !== null && Number.isFinite(v));
		const own = mine ? exact(mine, metric) : null;
		return {
			measure: metric.id,
			value: own?.value ?? null,
			...(own?.suppressed ? { suppressed: true } : {}),
			// A withheld value is a unit with data all the same: the caption counts the network, not what is shown of it.
			units: measures.filter((m) => m.suppressed || (m.value !== null && Number.isFinite(m.value))).length,
			better: metric.better,
			...((rangeWithheld ? null : spread(values)) ?? NO_SPREAD),
			...(rangeWithheld ? { rangeWithheld: true } : {}),
		};
	});
}

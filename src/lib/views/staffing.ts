/**
 * Staffing: annual specialist turnover (the NHS leaver rate: leavers ÷ mean
 * headcount), by organisation type and team size; how long specialists stay
 * (Kaplan–Meier over their spells), the stability index, and a vacancy signal.
 *
 * Years shown are calendar years wholly inside the data (its reports cover
 * every Monday of the year) and inside the chosen period.
 */
import { type Filters } from '$lib/filters';
import { quarterEnd, quarterStart } from '$lib/time';
import { kaplanMeier, median, type KaplanMeierRow, type Median } from '$lib/stats/survival';
import type { Database } from '$lib/db/database';
import type { Period, ViewDefinition } from './context';
import { PUBLIC_STABILITY_SQL, PUBLIC_TENURE_SQL, PUBLIC_TURNOVER_SQL, PUBLIC_VACANCY_SQL, SPELLS_SQL, STABILITY_SQL, TURNOVER_SQL, VACANCY_SQL } from '$lib/metrics/staffing';

export interface TurnoverRow {
	year: number;
	/** 'region': on a public build with a unit chosen, the unit's region beside it. */
	split: 'all' | 'org' | 'team' | 'region';
	group: string;
	/** NULL on a public build where the count was small, or withheld to protect one that was. */
	leavers: number | null;
	mean_headcount: number | null;
}

/** A row of the tenure curve: Kaplan–Meier's, or on a public build the curve read every 91 days (counts there NULL or withheld). */
export type TenureRow = Omit<KaplanMeierRow, 'atRisk' | 'events' | 'censored'> & { atRisk: number | null; events: number | null; censored: number | null };

export interface StaffingResults {
	turnover: TurnoverRow[];
	/** `scope`: on a public build, whose curve it is (the region or the nation) when the filters choose more finely. */
	/** spells: how many the curve rests on (not published on a public build: one quarter's less the last's would be its joiners). */
	tenure: { rows: TenureRow[]; median: Median; spells: number | null; scope?: 'region' | 'nation' };
	/** in_post and stayed are NULL where not published (a unit's own, on a public build). */
	stability: { from_week: string; to_week: string; in_post: number | null; stayed: number | null };
	/** vacancy_weeks is NULL where withheld (public build: wherever the headcount is). */
	vacancy: { year: number; vacancy_weeks: number | null; unit_weeks: number }[];
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
		last_day: quarterEnd(to),
	};
}

export const staffing: ViewDefinition<StaffingResults> = {
	id: 'staffing',
	async load(db, filters, { period, profile }) {
		const params = staffingParams(filters, period);
		if (profile === 'public') return loadPublic(db, params);
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

async function loadPublic(db: Database, params: ReturnType<typeof staffingParams>): Promise<StaffingResults> {
	const [turnover, tenure, stability, vacancy] = await Promise.all([
		db.query<TurnoverRow>(PUBLIC_TURNOVER_SQL, params),
		db.query<{ time: number; survival: number; median: number | null }>(PUBLIC_TENURE_SQL, params),
		db.query<StaffingResults['stability']>(PUBLIC_STABILITY_SQL, params),
		db.query<StaffingResults['vacancy'][number]>(PUBLIC_VACANCY_SQL, params),
	]);
	const first = tenure[0];
	return {
		turnover,
		tenure: {
			// No band on a public build: with the curve it would give back the numbers at risk and leaving.
			rows: tenure.map((r) => ({ time: r.time, atRisk: null, events: null, censored: null, survival: r.survival, stdErr: 0, lower: null, upper: null })),
			median: { value: first?.median ?? null, lower: null, upper: null },
			spells: null,
			scope: params.region ? 'region' : 'nation',
		},
		stability: stability[0]!,
		vacancy,
	};
}

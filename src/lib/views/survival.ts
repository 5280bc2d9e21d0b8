/**
 * Unit survival: how long units stay open. Kaplan–Meier from each unit's
 * opening, closing being the event; an open unit is censored on the day after
 * the data end (the Monday of the last reported week + 7 days); a unit opened
 * before the data begin enters the risk set on their first day (left
 * truncation), and one that closed before then is never observed. Strata by
 * funding at opening (?by=funding) or organisation type (?by=org), compared
 * with the log-rank test. The period filters do not apply: survival uses the
 * whole history.
 */
import { FUNDING, ORG_TYPES } from '$lib/contract';
import { kaplanMeier, logRank, median, type KaplanMeierRow, type LogRank, type Median, type Subject } from '$lib/stats/survival';
import type { ViewDefinition } from './context';
import { UNITS_SQL } from '$lib/metrics/survival';

export const STRATA = ['funding', 'org'] as const;
export type Strata = (typeof STRATA)[number];

interface UnitRow {
	unit_id: string;
	name: string;
	org_type: string;
	funding_initial: string;
	/** Days from the data's first day to the opening (negative: opened before the data began). */
	opened_from_start: number;
	exit_days: number;
	closed: boolean;
	first_day: string;
	end_day: string;
	observed_days: number;
}

/** Three years, in days: the horizon of "closed within three years". */
export const THREE_YEARS = 3 * 365.25;

export interface Stratum {
	stratum: string;
	units: number;
	rows: KaplanMeierRow[];
	median: Median;
	/** Units opened at least three years before the data end, and how many of them closed within three years. */
	old: number;
	closedWithin3: number;
	/** Number at risk at 0, 1, 2, … years. */
	atRiskByYear: number[];
}

export interface SurvivalResults {
	by: Strata | null;
	strata: Stratum[];
	logRank: LogRank | null;
	firstDay: string | null;
	endDay: string | null;
	/** Units that closed before the data begin: never in a risk set. */
	unobserved: number;
}

const strataOf = (by: Strata | null): readonly string[] => (by === 'funding' ? FUNDING : by === 'org' ? ORG_TYPES : ['all']);

export const survival: ViewDefinition<SurvivalResults> = {
	id: 'survival',
	options: { by: STRATA },
	async load(db, filters, context) {
		const by = (filters.options.by as Strata | undefined) ?? null;
		const units = await db.query<UnitRow>(UNITS_SQL, {
			region: filters.region,
			org: filters.org,
			funding: filters.funding,
			unit: filters.unit,
			first_week: context.weeks.first,
			last_week: context.weeks.last,
		});
		// A unit that closed before the data begin is never in a risk set.
		const observed = units.filter((u) => u.exit_days > -u.opened_from_start);
		const subject = (u: UnitRow): Subject => ({ entry: Math.max(0, -u.opened_from_start), exit: u.exit_days, event: u.closed });
		const key = (u: UnitRow) => (by === 'funding' ? u.funding_initial : by === 'org' ? u.org_type : 'all');
		const years = Math.floor(Math.max(0, ...observed.map((u) => u.exit_days)) / 365.25);
		const strata = strataOf(by).map((stratum): Stratum => {
			const members = observed.filter((u) => key(u) === stratum);
			const subjects = members.map(subject);
			const rows = kaplanMeier(subjects);
			// Closing within three years is known for every unit opened three years before the end, observed in the risk set or not.
			const old = units.filter((u) => key(u) === stratum && u.observed_days >= THREE_YEARS);
			return {
				stratum,
				units: members.length,
				rows,
				median: median(rows),
				old: old.length,
				closedWithin3: old.filter((u) => u.closed && u.exit_days < THREE_YEARS).length,
				atRiskByYear: Array.from({ length: years + 1 }, (_, y) => {
					const t = y * 365.25;
					return subjects.filter((s) => (t === 0 ? s.entry <= 0 && s.exit > 0 : s.entry < t && s.exit >= t)).length;
				}),
			};
		});
		return {
			by,
			strata,
			logRank: by ? logRank(strata.map((s) => observed.filter((u) => key(u) === s.stratum).map(subject))) : null,
			firstDay: units[0]?.first_day ?? null,
			endDay: units[0]?.end_day ?? null,
			unobserved: units.length - observed.length,
		};
	},
};

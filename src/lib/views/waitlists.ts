/**
 * Waitlists: where people wait. People waiting and per specialist FTE, for the
 * selection and per region; referrals against enrolments; the mean wait; and
 * the units whose waitlist grew most over the last four quarters, with their
 * capacity. The overview's definitions, at the grains of region and unit.
 */
import { quarterStart, shiftQuarter } from '$lib/time';
import { SUPPRESSED } from '$lib/format';
import {
	caseloadPerFte,
	enrolments,
	meanWait,
	measureOf,
	measureParams,
	peopleWaiting,
	queryMeasures,
	referrals,
	reportCompleteness,
	seriesByMetric,
	unitEndsSql,
	waitlistPerFte,
	type MeasureRow,
	type MetricRow,
} from '$lib/metrics';
import type { ViewDefinition } from './context';

const SELECTION_MEASURES = [peopleWaiting, waitlistPerFte, referrals, enrolments, meanWait, reportCompleteness];
const REGION_MEASURES = [peopleWaiting, waitlistPerFte];
const UNIT_MEASURES = [peopleWaiting, caseloadPerFte];
/** The growth table's length: the units whose waitlist grew most. */
const GROWTH_SHOWN = 10;
/** The smallest growth written as an increase to one decimal ("+0.1"); below it the table would print "+0.0". */
const SMALLEST_INCREASE = 0.05;
// The whole country (the other filters kept) is the grey line behind every region's panel.

/** waitlist_by_region's CSV columns: one row per quarter of the period and region. */
export interface RegionWaitlist {
	quarter: string;
	region_code: string;
	region_name: string;
	waitlist: number | null;
	fte: number | null;
	waitlist_per_fte: number | null;
	/** Withheld (public build): the people waiting were few, or would reveal a count that was. */
	suppressed?: boolean;
}

/** A unit's waitlist now and four quarters earlier, with its capacity now. */
export interface UnitGrowth {
	unit_id: string;
	unit_name: string;
	region_code: string;
	/** The day the unit closed, marked beside its name (null while open). */
	closed: string | null;
	waitlist_before: number;
	waitlist: number;
	growth: number;
	fte: number | null;
	/** ":" where withheld (public build). */
	caseload_per_fte: number | ':' | null;
}

export interface WaitlistResults {
	/** Each measure's series for the selection, from a year before `from` to `to`. */
	series: Record<string, MetricRow[]>;
	/** Every region, the quarters shown. */
	regions: RegionWaitlist[];
	/** People waiting per FTE in the whole country, whatever the region chosen, the quarters shown. */
	country: { quarter: string; value: number | null }[];
	/** The quarter a unit's growth is measured to, and from. */
	quarter: string;
	yearEarlier: string;
	/**
	 * The ten units whose waitlist grew most (by at least 0.05, an increase
	 * to one decimal), of those with a waitlist in both quarters, the largest
	 * growth first. Only these: at a hundred times the units every unit's
	 * growth would be most of the page's data and of each state's answer.
	 */
	growth: UnitGrowth[];
	/** Units left out of growth because their waitlist is withheld in either quarter (public build). */
	growthWithheld: number;
}

export const waitlists: ViewDefinition<WaitlistResults> = {
	id: 'waitlists',
	async load(db, filters, { period, profile }) {
		const params = measureParams(filters, period);
		const from = quarterStart(filters.from ?? period.from);
		const to = filters.to ?? period.to;
		const [quarter, yearEarlier] = [quarterStart(to), quarterStart(shiftQuarter(to, -4))];
		const [selection, regions, units, country] = await Promise.all([
			queryMeasures(db, 'quarter', SELECTION_MEASURES, profile, params),
			queryMeasures(db, 'region_quarter', REGION_MEASURES, profile, { ...params, first_quarter: from }),
			// The units' two quarters alone: the quarters between them are not returned.
			db.query<MeasureRow>(unitEndsSql(UNIT_MEASURES, profile), { ...params, first_quarter: yearEarlier, last_quarter: quarter }),
			filters.region ? queryMeasures(db, 'quarter', [waitlistPerFte], profile, { ...params, region: null, first_quarter: from }) : null,
		]);
		const byUnit = new Map<string, { before?: MeasureRow; now?: MeasureRow }>();
		for (const row of units) {
			const unit = byUnit.get(row.unit_id as string) ?? {};
			if (row.quarter === quarter) unit.now = row;
			else unit.before = row;
			byUnit.set(row.unit_id as string, unit);
		}
		const growth: UnitGrowth[] = [];
		let growthWithheld = 0;
		for (const [unit_id, { before, now }] of byUnit) {
			const [then, latest] = [before && measureOf(before, peopleWaiting), now && measureOf(now, peopleWaiting)];
			if (then?.suppressed || latest?.suppressed) {
				growthWithheld++;
				continue;
			}
			const [was, is] = [then?.value, latest?.value];
			if (was == null || is == null || is - was < SMALLEST_INCREASE) continue;
			const capacity = measureOf(now!, caseloadPerFte);
			growth.push({
				unit_id,
				unit_name: now!.unit_name as string,
				region_code: now!.region_code as string,
				closed: (now!.closed as string | null) ?? null,
				waitlist_before: was,
				waitlist: is,
				growth: is - was,
				fte: capacity.denominator,
				caseload_per_fte: capacity.suppressed ? SUPPRESSED : capacity.value,
			});
		}
		growth.sort((a, b) => b.growth - a.growth || a.unit_name.localeCompare(b.unit_name));
		return {
			series: seriesByMetric(selection, SELECTION_MEASURES),
			regions: regions.map((row) => {
				const perFte = measureOf(row, waitlistPerFte);
				return {
					quarter: row.quarter as string,
					region_code: row.region_code as string,
					region_name: row.region_name as string,
					waitlist: perFte.numerator,
					fte: perFte.denominator,
					waitlist_per_fte: perFte.value,
					...(perFte.suppressed ? { suppressed: true } : {}),
				};
			}),
			country: (country ?? selection).filter((row) => row.quarter >= from).map((row) => ({ quarter: row.quarter, value: measureOf(row, waitlistPerFte).value })),
			quarter,
			yearEarlier,
			growth: growth.slice(0, GROWTH_SHOWN),
			growthWithheld,
		};
	},
};

/**
 * Outcomes: what IPS achieves. The employment rate against the IPS
 * Employment Center's benchmarks, job starts per specialist FTE, education,
 * and young adults' share of the caseload, per quarter for the selection, or
 * split by region or organisation type (?split=region, ?split=org); and each
 * unit's fidelity reviews against its employment rate in the four quarters
 * that follow.
 */
import { quarterStart } from '$lib/time';
import {
	educationRate,
	educationStarts,
	employmentRate,
	jobStartsPerFte,
	measureParams,
	queryMeasures,
	reportCompleteness,
	youngShare,
	type Grain,
	type MeasureRow,
} from '$lib/metrics';
import type { ViewDefinition } from './context';

export const OUTCOME_MEASURES = [employmentRate, jobStartsPerFte, educationStarts, educationRate, youngShare, reportCompleteness];

export const SPLITS = ['region', 'org'] as const;
export type Split = (typeof SPLITS)[number];
const GRAIN_OF: Record<Split | 'all', Grain> = { all: 'quarter', region: 'region_quarter', org: 'org_quarter' };

/**
 * Each fidelity review of a chosen unit in the period shown, with the unit's
 * employment rate over the four quarters after the review's quarter (all
 * four within the period shown: a window the data do not yet cover is left
 * out). The windows are summed by the pipeline, from the units' cells the
 * profile publishes (the fidelity mart: src/lib/contract/aggregates.ts), so
 * that no filter waits for the units' quarters. A window with no caseload
 * has no rate, and is left out; one withheld (public build) is counted.
 */
const FIDELITY_SQL = `
SELECT f.unit_id, u.name AS unit_name, strftime(f.reviewed_on, '%Y-%m-%d') AS reviewed_on, f.score::DOUBLE AS score, f.level,
    f.caseload_after IS NULL AS suppressed,
    f.employed_after AS employed, f.caseload_after AS caseload, (f.employed_after / f.caseload_after)::DOUBLE AS rate
FROM fidelity f
JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
WHERE quarter_of(f.reviewed_on) >= $shown_from::DATE
    AND quarter_of(f.reviewed_on) + INTERVAL 12 MONTH <= $last_quarter::DATE
    AND (f.caseload_after IS NULL OR f.caseload_after > 0)
ORDER BY f.unit_id, reviewed_on`;

export interface FidelityPoint {
	unit_id: string;
	unit_name: string;
	reviewed_on: string;
	score: number;
	level: string;
	employed: number;
	caseload: number;
	rate: number;
}

/** A review whose outcome window holds a withheld count (public build): left out of the chart, and counted. */
type FidelityRow = FidelityPoint & { suppressed: boolean };

export interface OutcomeResults {
	split: Split | null;
	/** The selection's measures per quarter, from a year before `from` to `to`. */
	all: MeasureRow[];
	/** With a split: the same per group (region_code or org_type), every group listed. */
	groups: MeasureRow[];
	fidelity: FidelityPoint[];
	/** Reviews left out because the unit's employment was withheld in their window (public build). */
	fidelityWithheld: number;
}

export const outcomes: ViewDefinition<OutcomeResults> = {
	id: 'outcomes',
	options: { split: SPLITS },
	async load(db, filters, { period, profile }) {
		const params = measureParams(filters, period);
		const split = (filters.options.split as Split | undefined) ?? null;
		const [all, groups, fidelity] = await Promise.all([
			queryMeasures(db, 'quarter', OUTCOME_MEASURES, profile, params),
			split ? queryMeasures(db, GRAIN_OF[split], OUTCOME_MEASURES, profile, params) : Promise.resolve([]),
			db.query<FidelityRow>(FIDELITY_SQL, { ...params, shown_from: quarterStart(filters.from ?? period.from) }),
		]);
		return {
			split,
			all,
			groups,
			fidelity: fidelity.filter((r) => !r.suppressed).map(({ suppressed: _, ...point }) => point),
			fidelityWithheld: fidelity.filter((r) => r.suppressed).length,
		};
	},
};

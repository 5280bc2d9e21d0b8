/**
 * Outcomes: what IPS achieves. The employment rate against the IPS
 * Employment Center's benchmarks, job starts per specialist FTE, education,
 * and young adults' share of the caseload, per quarter for the selection, or
 * split by region or organisation type (?split=region, ?split=org); and each
 * unit's fidelity reviews against its employment rate in the four quarters
 * that follow.
 */
import { quarterStart } from '$lib/time';
import type { Profile } from '$lib/contract';
import {
	educationRate,
	educationStarts,
	employmentRate,
	jobStartsPerFte,
	measureParams,
	queryMeasures,
	reportCompleteness,
	unitCells,
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
 * four within the period shown: a window the data do not yet cover is left out).
 */
const fidelitySql = (unitQuarters: string) => `
WITH reviews AS (
    SELECT f.unit_id, u.name AS unit_name, f.reviewed_on, f.score, f.level, quarter_of(f.reviewed_on) AS review_quarter
    FROM fidelity f
    JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
    WHERE quarter_of(f.reviewed_on) >= $shown_from::DATE
        AND quarter_of(f.reviewed_on) + INTERVAL 12 MONTH <= $last_quarter::DATE
)
SELECT r.unit_id, r.unit_name, strftime(r.reviewed_on, '%Y-%m-%d') AS reviewed_on, r.score::DOUBLE AS score, r.level,
    bool_or(w.employed IS NULL OR w.caseload IS NULL) AS suppressed,
    CASE WHEN NOT suppressed THEN sum(w.employed) END::DOUBLE AS employed, CASE WHEN NOT suppressed THEN sum(w.caseload) END::DOUBLE AS caseload,
    CASE WHEN NOT suppressed THEN sum(w.employed) / sum(w.caseload) END::DOUBLE AS rate
FROM reviews r
JOIN ${unitQuarters} w ON w.unit_id = r.unit_id
    AND w.quarter > r.review_quarter
    AND w.quarter <= r.review_quarter + INTERVAL 12 MONTH
GROUP BY ALL
HAVING suppressed OR sum(w.caseload) > 0
ORDER BY r.unit_id, reviewed_on`;

/** Participant-weeks per unit and quarter, from the units' cells (NULL where a public build withholds them). */
const fidelityOf = (profile: Profile) =>
	fidelitySql(`(SELECT unit_id, quarter, employed * weeks AS employed, caseload * weeks AS caseload FROM ${unitCells(profile)} WHERE weeks > 0)`);
const FIDELITY_SQL: Record<Profile, string> = { internal: fidelityOf('internal'), public: fidelityOf('public') };

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
			db.query<FidelityRow>(FIDELITY_SQL[profile], { ...params, shown_from: quarterStart(filters.from ?? period.from) }),
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

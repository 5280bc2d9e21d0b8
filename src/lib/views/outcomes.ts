/**
 * Outcomes: what IPS achieves. The employment rate against the IPS
 * Employment Center's benchmarks, job starts per specialist FTE, education,
 * and young adults' share of the caseload, per quarter for the selection, or
 * split by region or organisation type (?split=region, ?split=org); and each
 * unit's fidelity reviews against its employment rate in the four quarters
 * that follow.
 */
import { quarterStart } from '$lib/filters';
import {
	educationRate,
	educationStarts,
	employmentRate,
	jobStartsPerFte,
	measureParams,
	measureSql,
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
export const OUTCOMES_SQL = Object.fromEntries(Object.entries(GRAIN_OF).map(([split, grain]) => [split, measureSql(grain, OUTCOME_MEASURES)])) as Record<
	Split | 'all',
	string
>;

/**
 * Each fidelity review of a chosen unit in the period shown, with the unit's
 * employment rate over the four quarters after the review's quarter (all
 * four within the period shown: a window the data do not yet cover is left out).
 */
export const FIDELITY_SQL = `
WITH reviews AS (
    SELECT f.unit_id, u.name AS unit_name, f.reviewed_on, f.score, f.level, quarter_of(f.reviewed_on) AS review_quarter
    FROM fidelity f
    JOIN filtered_units($region::VARCHAR, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR) u USING (unit_id)
    WHERE quarter_of(f.reviewed_on) >= $shown_from::DATE
        AND quarter_of(f.reviewed_on) + INTERVAL 12 MONTH <= $last_quarter::DATE
)
SELECT r.unit_id, r.unit_name, strftime(r.reviewed_on, '%Y-%m-%d') AS reviewed_on, r.score::DOUBLE AS score, r.level,
    sum(w.employed)::DOUBLE AS employed, sum(w.caseload)::DOUBLE AS caseload,
    (sum(w.employed) / sum(w.caseload))::DOUBLE AS rate
FROM reviews r
JOIN unit_week w ON w.unit_id = r.unit_id
    AND quarter_of(w.week) > r.review_quarter
    AND quarter_of(w.week) <= r.review_quarter + INTERVAL 12 MONTH
GROUP BY ALL
HAVING sum(w.caseload) > 0
ORDER BY r.unit_id, reviewed_on`;

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

export interface OutcomeResults {
	split: Split | null;
	/** The selection's measures per quarter, from a year before `from` to `to`. */
	all: MeasureRow[];
	/** With a split: the same per group (region_code or org_type), every group listed. */
	groups: MeasureRow[];
	fidelity: FidelityPoint[];
}

export const outcomes: ViewDefinition<OutcomeResults> = {
	id: 'outcomes',
	options: { split: SPLITS },
	async load(db, filters, { period }) {
		const params = measureParams(filters, period);
		const split = (filters.options.split as Split | undefined) ?? null;
		const [all, groups, fidelity] = await Promise.all([
			db.query<MeasureRow>(OUTCOMES_SQL.all, params),
			split ? db.query<MeasureRow>(OUTCOMES_SQL[split], params) : Promise.resolve([]),
			db.query<FidelityPoint>(FIDELITY_SQL, { ...params, shown_from: quarterStart(filters.from ?? period.from) }),
		]);
		return { split, all, groups, fidelity };
	},
};

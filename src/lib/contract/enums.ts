/** The closed sets of values the data contract allows, shared by the pipeline and the site. */
export const ORG_TYPES = ['municipal', 'region', 'joint'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const FUNDING = ['permanent', 'project', 'mixed'] as const;
export type Funding = (typeof FUNDING)[number];

/**
 * The IPS-25 fidelity scale (Becker, Swanson, Reese, Bond & McLeman, IPS
 * Supported Employment Fidelity Review Manual, 4th ed., 2019): a total
 * score from 25 to 125, in four levels, lowest first, each from its `from`
 * up to the next one's. The pipeline's fidelity mart (its `level`), the
 * validation of reviews, the charts' bands and the pages all read it.
 */
export const FIDELITY_SCALE = {
	min: 25,
	max: 125,
	levels: [
		{ level: 'not_ips', from: 25 },
		{ level: 'fair', from: 74 },
		{ level: 'good', from: 100 },
		{ level: 'exemplary', from: 115 },
	],
} as const;
export type FidelityLevel = (typeof FIDELITY_SCALE.levels)[number]['level'];

/** Each level as a band for drawing: its scores from `from` up to `to` (the next level's `from`, or the scale's top). */
export const FIDELITY_BANDS = FIDELITY_SCALE.levels.map(({ level, from }, i, levels) => ({ level, from, to: levels[i + 1]?.from ?? FIDELITY_SCALE.max }));

/** The level of a score as SQL: the highest level whose `from` it reaches. */
export const fidelityLevelSql = (score: string) =>
	`CASE ${[...FIDELITY_SCALE.levels]
		.reverse()
		.map(({ level, from }) => `WHEN ${score} >= ${from} THEN '${level}'`)
		.join(' ')} END`;

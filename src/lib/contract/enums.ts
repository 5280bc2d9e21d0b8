/** The closed sets of values the data contract allows, shared by the pipeline and the site. */
export const ORG_TYPES = ['municipal', 'region', 'joint'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const FUNDING = ['permanent', 'project', 'mixed'] as const;
export type Funding = (typeof FUNDING)[number];

/** IPS-25 fidelity levels: exemplary 115–125, good 100–114, fair 74–99, not IPS 73 or below. */
export const FIDELITY_LEVELS = ['exemplary', 'good', 'fair', 'not_ips'] as const;
export type FidelityLevel = (typeof FIDELITY_LEVELS)[number];

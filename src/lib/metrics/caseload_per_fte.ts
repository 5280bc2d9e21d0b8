import { defineMetric } from './types';

/** Caseload of an average reported week per specialist FTE, against the fidelity scale's limit. */
export const caseloadPerFte = defineMetric({
	id: 'caseload_per_fte',
	label: { en: 'Caseload per specialist FTE', sv: 'Inskrivna per heltid' },
	definition: {
		en: 'Participants on the caseload per specialist full-time equivalent, both in an average reported week of the quarter.',
		sv: 'Inskrivna deltagare per specialistheltid, båda en genomsnittlig rapporterad vecka under kvartalet.',
	},
	unit: { en: 'participants per FTE', sv: 'deltagare per heltid' },
	format: 'decimal',
	better: 'lower',
	numerator: { en: 'caseload (weekly mean)', sv: 'inskrivna (veckomedel)' },
	denominator: { en: 'specialist FTE (weekly mean)', sv: 'heltider (veckomedel)' },
	formula: { value: 'caseload / nullif(weeks, 0) / nullif(fte, 0)', numerator: 'caseload / nullif(weeks, 0)', denominator: 'fte' },
	references: [
		{
			value: 20,
			text: {
				en: 'At most 20 participants per full-time specialist (IPS fidelity scale, caseload size)',
				sv: 'Högst 20 deltagare per heltidsspecialist (IPS-skalan för metodtrohet, antal deltagare)',
			},
			source: 'IPS-25 fidelity scale',
		},
	],
});

import { defineMetric } from './types';

/** People waiting in an average reported week, per specialist FTE in that week. */
export const waitlistPerFte = defineMetric({
	id: 'waitlist_per_fte',
	label: { en: 'People waiting per specialist FTE', sv: 'Väntande per heltid' },
	definition: {
		en: 'Referred people not yet met, per specialist full-time equivalent, both in an average reported week of the quarter.',
		sv: 'Remitterade personer som ännu inte träffats, per specialistheltid, båda en genomsnittlig rapporterad vecka under kvartalet.',
	},
	unit: { en: 'people per FTE', sv: 'personer per heltid' },
	format: 'decimal',
	better: 'lower',
	numerator: { en: 'people waiting (weekly mean)', sv: 'väntande (veckomedel)' },
	denominator: { en: 'specialist FTE (weekly mean)', sv: 'heltider (veckomedel)' },
	formula: { value: 'waitlist / nullif(fte, 0)', numerator: 'waitlist', denominator: 'fte' },
	references: [],
});

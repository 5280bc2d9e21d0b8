import { defineMetric } from './types';

/** Young adults' share of the caseload: a priority group. */
export const youngShare = defineMetric({
	id: 'young_share',
	label: { en: 'Young adults (18–29)', sv: 'Unga vuxna (18–29 år)' },
	definition: {
		en: 'Participants aged 18–29 as a share of the caseload, over all weeks of the quarter.',
		sv: 'Deltagare i åldern 18–29 år som andel av alla inskrivna, över kvartalets veckor.',
	},
	unit: { en: '% of caseload', sv: '% av inskrivna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'participant-weeks aged 18–29', sv: 'deltagarveckor 18–29 år' },
	denominator: { en: 'participant-weeks', sv: 'deltagarveckor' },
	formula: { value: 'caseload_young / nullif(caseload, 0)', numerator: 'caseload_young', denominator: 'caseload' },
	references: [],
});

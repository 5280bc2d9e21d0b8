import { defineMetric } from './types';

/** Share of the caseload in education, weighted by caseload over the quarter's weeks. */
export const educationRate = defineMetric({
	id: 'education_rate',
	label: { en: 'In education', sv: 'I utbildning' },
	definition: {
		en: 'Participants in education as a share of the caseload, over all weeks of the quarter.',
		sv: 'Deltagare i utbildning som andel av alla inskrivna, över kvartalets veckor.',
	},
	unit: { en: '% of caseload', sv: '% av inskrivna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'participant-weeks in education', sv: 'deltagarveckor i utbildning' },
	denominator: { en: 'participant-weeks', sv: 'deltagarveckor' },
	formula: { value: 'in_education / nullif(caseload, 0)', numerator: 'in_education', denominator: 'caseload' },
	references: [],
});

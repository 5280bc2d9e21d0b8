import { defineMetric } from './types';

/** Share of the caseload in competitive employment, weighted by caseload over the quarter's weeks. */
export const employmentRate = defineMetric({
	id: 'employment_rate',
	label: { en: 'In competitive employment', sv: 'I arbete på öppna marknaden' },
	definition: {
		en: 'Participants in competitive employment as a share of the caseload, over all weeks of the quarter.',
		sv: 'Deltagare i arbete på den öppna arbetsmarknaden som andel av alla inskrivna, över kvartalets veckor.',
	},
	unit: { en: '% of caseload', sv: '% av inskrivna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'participant-weeks in work', sv: 'deltagarveckor i arbete' },
	denominator: { en: 'participant-weeks', sv: 'deltagarveckor' },
	formula: { value: 'employed / nullif(caseload, 0)', numerator: 'employed', denominator: 'caseload' },
	benchmarks: {
		levels: [
			{ value: 0.31, label: { en: 'minimal', sv: 'minimal' } },
			{ value: 0.41, label: { en: 'average', sv: 'genomsnittlig' } },
			{ value: 0.5, label: { en: 'excellent', sv: 'utmärkt' } },
		],
		source: 'IPS Employment Center (quarterly rate)',
	},
	references: [
		{
			value: 0.55,
			text: {
				en: 'Competitive employment with IPS in a European trial (28 % with traditional vocational rehabilitation)',
				sv: 'Arbete på öppna marknaden med IPS i en europeisk studie (28 % med traditionell arbetslivsinriktad rehabilitering)',
			},
			source: 'Bond et al. 2022',
		},
	],
});

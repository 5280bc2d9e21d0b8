import { defineMetric } from './types';

/** Specialist full-time equivalents per 10,000 inhabitants, averaged over the quarter's reported weeks. */
export const ftePer10k = defineMetric({
	id: 'fte_per_10k',
	label: { en: 'Specialists per 10,000 inhabitants', sv: 'Specialister per 10 000 invånare' },
	definition: {
		en: 'Specialist full-time equivalents reporting in an average week of the quarter, per 10,000 inhabitants of the region or country.',
		sv: 'Specialisternas heltidstjänster som rapporterade en genomsnittlig vecka under kvartalet, per 10 000 invånare i länet eller landet.',
	},
	unit: { en: 'FTE per 10,000', sv: 'heltider per 10 000' },
	format: 'decimal',
	digits: 2,
	better: 'higher',
	numerator: { en: 'specialist FTE (weekly mean)', sv: 'heltider (veckomedel)' },
	denominator: { en: 'inhabitants', sv: 'invånare' },
	formula: { value: 'fte / population * 10000', numerator: 'fte', denominator: 'population' },
	references: [
		{
			value: 1,
			text: {
				en: 'About one specialist per 10,000 inhabitants in Northern Norway',
				sv: 'Omkring en specialist per 10 000 invånare i Nordnorge',
			},
			source: 'IPS in Northern Norway',
		},
	],
});

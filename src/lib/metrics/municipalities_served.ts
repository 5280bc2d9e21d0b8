import { defineMetric } from './types';

/** Municipalities served on the last day of each quarter, of all in the region or country. */
export const municipalitiesServed = defineMetric({
	id: 'municipalities_served',
	label: { en: 'Municipalities served', sv: 'Kommuner med IPS' },
	definition: {
		en: 'Share of municipalities served by at least one open unit on the last day of the quarter.',
		sv: 'Andel kommuner som hade minst en öppen enhet kvartalets sista dag.',
	},
	unit: { en: '% of municipalities', sv: '% av kommunerna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'municipalities served', sv: 'kommuner med IPS' },
	denominator: { en: 'municipalities', sv: 'kommuner' },
	formula: { value: 'areas_served / areas', numerator: 'areas_served', denominator: 'areas' },
	references: [
		{
			value: 1 / 3,
			text: { en: 'Fewer than a third of Swedish municipalities offered IPS', sv: 'Färre än en tredjedel av Sveriges kommuner erbjöd IPS' },
			source: 'Hillörn et al. 2024',
		},
	],
});

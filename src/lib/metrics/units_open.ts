import { defineMetric } from './types';

/** Units open on the last day of each quarter. */
export const unitsOpen = defineMetric({
	id: 'units_open',
	label: { en: 'Units open', sv: 'Öppna enheter' },
	definition: {
		en: 'IPS and SEd units open on the last day of the quarter.',
		sv: 'IPS- och SEd-enheter som var öppna kvartalets sista dag.',
	},
	unit: { en: 'units', sv: 'enheter' },
	format: 'integer',
	better: 'higher',
	formula: { value: 'units_open' },
	references: [],
});

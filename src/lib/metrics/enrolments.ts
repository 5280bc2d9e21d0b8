import { defineMetric } from './types';

/** People met for the first time during the quarter. */
export const enrolments = defineMetric({
	id: 'enrolments',
	label: { en: 'Enrolments', sv: 'Inskrivningar' },
	definition: {
		en: 'People met for the first time (enrolled) during the quarter.',
		sv: 'Personer som träffades för första gången (skrevs in) under kvartalet.',
	},
	unit: { en: 'people', sv: 'personer' },
	format: 'integer',
	better: 'higher',
	formula: { value: 'enrolled' },
	references: [],
});

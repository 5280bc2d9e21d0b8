import { defineMetric } from './types';

/** Participants who started a course of education during the quarter (Supported Education). */
export const educationStarts = defineMetric({
	id: 'education_starts',
	label: { en: 'Education starts', sv: 'Påbörjade utbildningar' },
	definition: {
		en: 'Participants who started a course of education during the quarter.',
		sv: 'Deltagare som påbörjade en utbildning under kvartalet.',
	},
	unit: { en: 'participants', sv: 'deltagare' },
	format: 'integer',
	better: 'higher',
	formula: { value: 'education_starts' },
	references: [],
});

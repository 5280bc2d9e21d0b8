import { defineMetric } from './types';

/** People referred and not yet met, summed over units, in an average reported week. */
export const peopleWaiting = defineMetric({
	id: 'people_waiting',
	label: { en: 'People waiting', sv: 'Personer som väntar' },
	definition: {
		en: 'Referred people not yet met at the end of the week, all selected units together, in an average week of the quarter.',
		sv: 'Remitterade personer som ännu inte träffats vid veckans slut, alla valda enheter tillsammans, en genomsnittlig vecka under kvartalet.',
	},
	unit: { en: 'people', sv: 'personer' },
	format: 'integer',
	better: 'lower',
	formula: { value: 'waitlist' },
	references: [],
});

import { defineMetric } from './types';

/** New referrals received during the quarter. */
export const referrals = defineMetric({
	id: 'referrals',
	label: { en: 'Referrals', sv: 'Remisser' },
	definition: { en: 'New referrals received during the quarter.', sv: 'Nya remisser som kom in under kvartalet.' },
	unit: { en: 'referrals', sv: 'remisser' },
	format: 'integer',
	better: 'higher',
	formula: { value: 'referrals' },
	references: [],
});

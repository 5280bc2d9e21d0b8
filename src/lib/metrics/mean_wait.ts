import { defineMetric } from './types';

/** Mean days from referral to first meeting, over everyone enrolled in the quarter. */
export const meanWait = defineMetric({
	id: 'mean_wait',
	label: { en: 'Mean wait', sv: 'Genomsnittlig väntetid' },
	definition: {
		en: 'Days from referral to first meeting, averaged over everyone enrolled during the quarter. It covers those who were met, not those still waiting.',
		sv: 'Dagar från remiss till första möte, i genomsnitt för alla som skrevs in under kvartalet. Den gäller dem som har träffats, inte dem som fortfarande väntar.',
	},
	unit: { en: 'days', sv: 'dagar' },
	format: 'decimal',
	better: 'lower',
	numerator: { en: 'waiting days', sv: 'väntedagar' },
	denominator: { en: 'people enrolled', sv: 'inskrivna personer' },
	formula: { value: 'wait_days / nullif(enrolled, 0)', numerator: 'wait_days', denominator: 'enrolled' },
	references: [],
});

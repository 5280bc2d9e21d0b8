import { defineMetric, QUARTER_TEXT } from './sql';

/** Mean days from referral to first meeting, over everyone enrolled in the quarter. */
export const meanWait = defineMetric({
	id: 'mean_wait',
	label: { en: 'Mean wait', sv: 'Genomsnittlig väntetid' },
	definition: {
		en: 'Days from referral to first meeting, averaged over everyone enrolled during the quarter.',
		sv: 'Dagar från remiss till första möte, i genomsnitt för alla som skrevs in under kvartalet.',
	},
	unit: { en: 'days', sv: 'dagar' },
	format: 'decimal',
	better: 'lower',
	numerator: { en: 'waiting days', sv: 'väntedagar' },
	denominator: { en: 'people enrolled', sv: 'inskrivna personer' },
	select: `SELECT ${QUARTER_TEXT},
    t.wait_days / nullif(t.enrolled, 0) AS value,
    t.wait_days AS numerator,
    t.enrolled AS denominator
FROM quarters q LEFT JOIN quarter_totals t USING (quarter)
ORDER BY q.quarter`,
	references: [],
});

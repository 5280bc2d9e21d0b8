import type { Metric } from './types';
import { FILTERED, QUARTER_TEXT } from './sql';

/** Mean days from referral to first meeting, over everyone enrolled in the quarter. */
export const meanWait: Metric = {
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
	sql: `${FILTERED},
quarterly AS (SELECT quarter, sum(wait_days)::DOUBLE AS days, sum(enrolled)::DOUBLE AS enrolled FROM chosen_weeks GROUP BY quarter)
SELECT ${QUARTER_TEXT},
    w.days / nullif(w.enrolled, 0) AS value,
    w.days AS numerator,
    w.enrolled AS denominator
FROM quarters q LEFT JOIN quarterly w USING (quarter)
ORDER BY q.quarter`,
	references: [],
};

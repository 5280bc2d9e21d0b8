import type { Metric } from './types';
import { FILTERED, QUARTER_TEXT } from './sql';

/** People referred and not yet met, summed over units, in an average reported week. */
export const peopleWaiting: Metric = {
	id: 'people_waiting',
	label: { en: 'People waiting', sv: 'Personer som väntar' },
	definition: {
		en: 'Referred people not yet met at the end of the week, all selected units together, in an average week of the quarter.',
		sv: 'Remitterade personer som ännu inte träffats vid veckans slut, alla valda enheter tillsammans, en genomsnittlig vecka under kvartalet.',
	},
	unit: { en: 'people', sv: 'personer' },
	format: 'integer',
	better: 'lower',
	sql: `${FILTERED},
weekly AS (SELECT quarter, week, sum(waitlist) AS waiting FROM chosen_weeks GROUP BY quarter, week),
quarterly AS (SELECT quarter, avg(waiting) AS waiting FROM weekly GROUP BY quarter)
SELECT ${QUARTER_TEXT}, w.waiting::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator
FROM quarters q LEFT JOIN quarterly w USING (quarter)
ORDER BY q.quarter`,
	references: [],
};

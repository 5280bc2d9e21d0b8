import { defineMetric, QUARTER_TEXT } from './sql';

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
	select: `SELECT ${QUARTER_TEXT}, count(u.unit_id)::DOUBLE AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator
FROM quarters q
LEFT JOIN chosen_units u ON u.opened_on < q.next_quarter AND (u.closed_on IS NULL OR u.closed_on >= q.next_quarter)
GROUP BY q.quarter
ORDER BY q.quarter`,
	references: [],
});

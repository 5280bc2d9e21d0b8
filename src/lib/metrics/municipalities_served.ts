import type { Metric } from './types';
import { FILTERED, QUARTER_TEXT } from './sql';

/** Municipalities served on the last day of each quarter, of all in the region or country. */
export const municipalitiesServed: Metric = {
	id: 'municipalities_served',
	label: { en: 'Municipalities served', sv: 'Kommuner med IPS' },
	definition: {
		en: 'Share of municipalities served by at least one open unit on the last day of the quarter.',
		sv: 'Andel kommuner som hade minst en öppen enhet kvartalets sista dag.',
	},
	unit: { en: '% of municipalities', sv: '% av kommunerna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'municipalities served', sv: 'kommuner med IPS' },
	denominator: { en: 'municipalities', sv: 'kommuner' },
	sql: `${FILTERED},
served AS (
    SELECT q.quarter, count(DISTINCT a.code)::DOUBLE AS served
    FROM quarters q
    JOIN unit_areas ua ON ua.valid_from < q.next_quarter AND (ua.valid_to IS NULL OR ua.valid_to >= q.next_quarter)
    JOIN chosen_units u ON u.unit_id = ua.unit_id
        AND u.opened_on < q.next_quarter AND (u.closed_on IS NULL OR u.closed_on >= q.next_quarter)
    JOIN chosen_areas a ON a.code = ua.area_code
    GROUP BY q.quarter
)
SELECT ${QUARTER_TEXT},
    coalesce(s.served, 0) / (SELECT count(*) FROM chosen_areas) AS value,
    coalesce(s.served, 0) AS numerator,
    (SELECT count(*) FROM chosen_areas)::DOUBLE AS denominator
FROM quarters q LEFT JOIN served s USING (quarter)
ORDER BY q.quarter`,
	references: [
		{
			value: 1 / 3,
			text: { en: 'Fewer than a third of Swedish municipalities offered IPS', sv: 'Färre än en tredjedel av Sveriges kommuner erbjöd IPS' },
			source: 'Hillörn et al. 2024',
		},
	],
};

import type { Metric } from './types';
import { FILTERED, QUARTER_TEXT } from './sql';

/** Share of inhabitants living in a municipality that an open unit serves. */
export const populationServed: Metric = {
	id: 'population_served',
	label: { en: 'Population covered', sv: 'Befolkning som täcks' },
	definition: {
		en: 'Share of inhabitants who live in a municipality served by an open unit on the last day of the quarter.',
		sv: 'Andel invånare som bor i en kommun med en öppen enhet kvartalets sista dag.',
	},
	unit: { en: '% of inhabitants', sv: '% av invånarna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'inhabitants covered', sv: 'invånare som täcks' },
	denominator: { en: 'inhabitants', sv: 'invånare' },
	sql: `${FILTERED},
served AS (
    SELECT quarter, sum(population)::DOUBLE AS covered
    FROM (
        SELECT DISTINCT q.quarter, a.code, a.population
        FROM quarters q
        JOIN unit_areas ua ON ua.valid_from < q.next_quarter AND (ua.valid_to IS NULL OR ua.valid_to >= q.next_quarter)
        JOIN chosen_units u ON u.unit_id = ua.unit_id
            AND u.opened_on < q.next_quarter AND (u.closed_on IS NULL OR u.closed_on >= q.next_quarter)
        JOIN chosen_areas a ON a.code = ua.area_code
    )
    GROUP BY quarter
)
SELECT ${QUARTER_TEXT},
    coalesce(s.covered, 0) / (SELECT population FROM inhabitants) AS value,
    coalesce(s.covered, 0) AS numerator,
    (SELECT population FROM inhabitants) AS denominator
FROM quarters q LEFT JOIN served s USING (quarter)
ORDER BY q.quarter`,
	references: [],
};

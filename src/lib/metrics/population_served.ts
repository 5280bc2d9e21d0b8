import { defineMetric, QUARTER_TEXT } from './sql';

/** Share of inhabitants living in a municipality that an open unit serves. */
export const populationServed = defineMetric({
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
	select: `SELECT ${QUARTER_TEXT},
    coalesce(sum(s.population), 0)::DOUBLE / (SELECT population FROM inhabitants) AS value,
    coalesce(sum(s.population), 0)::DOUBLE AS numerator,
    (SELECT population FROM inhabitants) AS denominator
FROM quarters q LEFT JOIN served_areas s USING (quarter)
GROUP BY q.quarter
ORDER BY q.quarter`,
	references: [],
});

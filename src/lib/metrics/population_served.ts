import { defineMetric } from './types';

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
	formula: { value: 'population_served / population', numerator: 'population_served', denominator: 'population' },
	references: [],
});

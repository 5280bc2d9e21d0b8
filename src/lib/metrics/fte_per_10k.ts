import type { Metric } from './types';
import { FILTERED, QUARTER_TEXT } from './sql';

/** Specialist full-time equivalents per 10,000 inhabitants, averaged over the quarter's reported weeks. */
export const ftePer10k: Metric = {
	id: 'fte_per_10k',
	label: { en: 'Specialists per 10,000 inhabitants', sv: 'Specialister per 10 000 invånare' },
	definition: {
		en: 'Specialist full-time equivalents reporting in an average week of the quarter, per 10,000 inhabitants of the region or country.',
		sv: 'Specialisternas heltidstjänster som rapporterade en genomsnittlig vecka under kvartalet, per 10 000 invånare i länet eller landet.',
	},
	unit: { en: 'FTE per 10,000', sv: 'heltider per 10 000' },
	format: 'decimal',
	digits: 2,
	better: 'higher',
	numerator: { en: 'specialist FTE (weekly mean)', sv: 'heltider (veckomedel)' },
	denominator: { en: 'inhabitants', sv: 'invånare' },
	sql: `${FILTERED},
weekly AS (SELECT quarter, week, sum(fte) AS fte FROM chosen_weeks GROUP BY quarter, week),
quarterly AS (SELECT quarter, avg(fte) AS fte FROM weekly GROUP BY quarter)
SELECT ${QUARTER_TEXT},
    w.fte / (SELECT population FROM inhabitants) * 10000 AS value,
    w.fte AS numerator,
    (SELECT population FROM inhabitants) AS denominator
FROM quarters q LEFT JOIN quarterly w USING (quarter)
ORDER BY q.quarter`,
	references: [
		{
			value: 1,
			text: { en: 'Coverage in Northern Norway', sv: 'Täckning i Nordnorge' },
			source: 'About one specialist per 10,000 inhabitants (IPS in Northern Norway)',
		},
	],
};

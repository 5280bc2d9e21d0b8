import type { Metric } from './types';
import { FILTERED, QUARTER_TEXT } from './sql';

/** Share of the caseload in competitive employment, weighted by caseload over the quarter's weeks. */
export const employmentRate: Metric = {
	id: 'employment_rate',
	label: { en: 'In competitive employment', sv: 'I arbete på öppna marknaden' },
	definition: {
		en: 'Participants in competitive employment as a share of the caseload, over all weeks of the quarter.',
		sv: 'Deltagare i arbete på den öppna arbetsmarknaden som andel av alla inskrivna, över kvartalets veckor.',
	},
	unit: { en: '% of caseload', sv: '% av inskrivna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'participant-weeks in work', sv: 'deltagarveckor i arbete' },
	denominator: { en: 'participant-weeks', sv: 'deltagarveckor' },
	sql: `${FILTERED},
quarterly AS (SELECT quarter, sum(employed)::DOUBLE AS employed, sum(caseload)::DOUBLE AS caseload FROM chosen_weeks GROUP BY quarter)
SELECT ${QUARTER_TEXT},
    w.employed / nullif(w.caseload, 0) AS value,
    w.employed AS numerator,
    w.caseload AS denominator
FROM quarters q LEFT JOIN quarterly w USING (quarter)
ORDER BY q.quarter`,
	references: [
		{
			value: 0.55,
			text: {
				en: 'Competitive employment with IPS in a European trial (28 % with traditional vocational rehabilitation)',
				sv: 'Arbete på öppna marknaden med IPS i en europeisk studie (28 % med traditionell arbetslivsinriktad rehabilitering)',
			},
			source: 'Bond et al. 2022',
		},
	],
};

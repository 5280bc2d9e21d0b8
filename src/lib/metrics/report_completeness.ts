import { defineMetric, QUARTER_TEXT } from './sql';

/**
 * Of the weeks in which the selected units were open, the share with at least
 * one report. Every chart's footnote gives it for the period shown: a figure
 * from half the weeks is not a figure from all of them.
 */
export const reportCompleteness = defineMetric({
	id: 'report_completeness',
	label: { en: 'Reports received', sv: 'Inkomna rapporter' },
	definition: {
		en: 'Unit-weeks with at least one weekly report, as a share of the weeks the selected units were open.',
		sv: 'Enhetsveckor med minst en veckorapport, som andel av de veckor de valda enheterna var öppna.',
	},
	unit: { en: '% of unit-weeks', sv: '% av enhetsveckorna' },
	format: 'percent',
	better: 'higher',
	numerator: { en: 'unit-weeks reported', sv: 'rapporterade enhetsveckor' },
	denominator: { en: 'unit-weeks open', sv: 'öppna enhetsveckor' },
	select: `SELECT ${QUARTER_TEXT},
    count(w.unit_id)::DOUBLE / nullif(count(u.unit_id), 0) AS value,
    count(w.unit_id)::DOUBLE AS numerator,
    count(u.unit_id)::DOUBLE AS denominator
FROM quarters q
LEFT JOIN (SELECT DISTINCT week FROM unit_week) weeks
    ON weeks.week >= q.quarter AND weeks.week < q.next_quarter
LEFT JOIN chosen_units u ON u.opened_on < weeks.week + 7 AND (u.closed_on IS NULL OR u.closed_on > weeks.week)
LEFT JOIN chosen_weeks w ON w.unit_id = u.unit_id AND w.week = weeks.week
GROUP BY q.quarter
ORDER BY q.quarter`,
	references: [],
});

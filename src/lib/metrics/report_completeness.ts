import { defineMetric } from './types';

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
	formula: { value: 'reported / nullif(expected, 0)', numerator: 'reported', denominator: 'expected' },
	references: [],
});

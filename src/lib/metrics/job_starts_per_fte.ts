import { defineMetric } from './types';

/** Competitive jobs started in the quarter, per specialist FTE of an average reported week. */
export const jobStartsPerFte = defineMetric({
	id: 'job_starts_per_fte',
	label: { en: 'Job starts per specialist FTE', sv: 'Påbörjade anställningar per heltid' },
	definition: {
		en: 'Participants who started a competitive job during the quarter, per specialist full-time equivalent in an average reported week.',
		sv: 'Deltagare som började ett arbete på den öppna marknaden under kvartalet, per specialistheltid en genomsnittlig rapporterad vecka.',
	},
	unit: { en: 'job starts per FTE', sv: 'anställningar per heltid' },
	format: 'decimal',
	better: 'higher',
	numerator: { en: 'job starts', sv: 'påbörjade anställningar' },
	denominator: { en: 'specialist FTE (weekly mean)', sv: 'heltider (veckomedel)' },
	formula: { value: 'job_starts / nullif(fte, 0)', numerator: 'job_starts', denominator: 'fte' },
	references: [],
});

/**
 * The funnels' measures and their SQL, beside the measures (./index.ts): each
 * unit's counts over the comparison window, from which the sites view
 * ($lib/views/sites) fits FunnelPlotR's limits ($lib/stats/funnel). The
 * Methods page prints the SQL (./methods.ts).
 */
import { educationRate } from './education_rate';
import { employmentRate } from './employment_rate';
import { unitWindowSql } from './query';
import { reportCompleteness } from './report_completeness';

/** The measure each funnel compares, for its label, format and definition. */
export const FUNNEL_MEASURES = { employment: employmentRate, education: educationRate, completeness: reportCompleteness } as const;

const measures = Object.values(FUNNEL_MEASURES);
export const WINDOW_SQL = unitWindowSql(measures);
export const PUBLIC_WINDOW_SQL = unitWindowSql(measures, 'public');

/** The table, CSV and text alternative of a metric's quarterly series. */
import { formatNumber, formatQuarter, SUPPRESSED, t, type Locale } from '$lib/i18n';
import type { Metric, MetricRow } from '$lib/metrics';
import type { Column } from './Chart.svelte';
import { formatValue } from './trend';

const amount = (locale: Locale, value: number | null) =>
	value === null ? t(locale, 'missing') : formatNumber(locale, value, Number.isInteger(value) ? 0 : 1);

/** A part of a row: the sign of a withheld value where the row's value was withheld and this part is missing. */
const part = (r: MetricRow, value: number | null) => (value === null && r.suppressed ? SUPPRESSED : value);

/** quarter, value, and for a rate its numerator and denominator: the columns of a metric trend. */
export function metricColumns(metric: Metric, locale: Locale): Column<MetricRow>[] {
	const columns: Column<MetricRow>[] = [
		{ key: 'quarter', label: t(locale, 'quarter'), value: (r) => r.quarter, format: (r) => formatQuarter(locale, r.quarter) },
		{
			key: 'value',
			label: `${t(locale, 'value')} (${metric.unit[locale]})`,
			value: (r) => part(r, r.value),
			format: (r) => (r.suppressed ? SUPPRESSED : r.value === null ? t(locale, 'missing') : formatValue(metric, locale, r.value)),
		},
	];
	if (!metric.numerator || !metric.denominator) return columns;
	return [
		...columns,
		{ key: 'numerator', label: metric.numerator[locale], value: (r) => part(r, r.numerator), format: (r) => (part(r, r.numerator) === SUPPRESSED ? SUPPRESSED : amount(locale, r.numerator)) },
		{ key: 'denominator', label: metric.denominator[locale], value: (r) => part(r, r.denominator), format: (r) => (part(r, r.denominator) === SUPPRESSED ? SUPPRESSED : amount(locale, r.denominator)) },
	];
}

/** The trend in words, for the chart's text alternative. */
export function metricSummary(metric: Metric, rows: readonly MetricRow[], locale: Locale): string {
	const defined = rows.filter((r) => r.value !== null);
	if (!defined.length) return rows.some((r) => r.suppressed) ? t(locale, 'all_withheld', { label: metric.label[locale] }) : t(locale, 'empty');
	return t(locale, 'chart_summary', {
		label: metric.label[locale],
		from: formatQuarter(locale, defined[0]!.quarter),
		to: formatQuarter(locale, defined[defined.length - 1]!.quarter),
		first: formatValue(metric, locale, defined[0]!.value),
		last: formatValue(metric, locale, defined[defined.length - 1]!.value),
	});
}

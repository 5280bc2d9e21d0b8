/** The table, CSV and text alternative of a metric's quarterly series. */
import { t, type Locale } from '$lib/i18n';
import { formatNumber, formatQuarter } from '$lib/format';
import type { Metric, MetricRow } from '$lib/metrics';
import type { Column } from './Chart.svelte';
import { orWithheld, writeOrWithheld } from './suppressed';
import { formatValue } from './trend';

const amount = (locale: Locale, value: number | null) =>
	value === null ? t(locale, 'missing') : formatNumber(locale, value, Number.isInteger(value) ? 0 : 1);

/** quarter, value, and for a rate its numerator and denominator: the columns of a metric trend. */
export function metricColumns(metric: Metric, locale: Locale): Column<MetricRow>[] {
	const columns: Column<MetricRow>[] = [
		{ key: 'quarter', label: t(locale, 'quarter'), value: (r) => r.quarter, format: (r) => formatQuarter(locale, r.quarter) },
		{
			key: 'value',
			label: `${t(locale, 'value')} (${metric.unit[locale]})`,
			value: (r) => orWithheld(r.value, r.suppressed),
			format: (r) => writeOrWithheld(r.value, r.suppressed, (v) => (v === null ? t(locale, 'missing') : formatValue(metric, locale, v))),
		},
	];
	if (!metric.numerator || !metric.denominator) return columns;
	return [
		...columns,
		{ key: 'numerator', label: metric.numerator[locale], value: (r) => orWithheld(r.numerator, r.suppressed), format: (r) => writeOrWithheld(r.numerator, r.suppressed, (v) => amount(locale, v)) },
		{ key: 'denominator', label: metric.denominator[locale], value: (r) => orWithheld(r.denominator, r.suppressed), format: (r) => writeOrWithheld(r.denominator, r.suppressed, (v) => amount(locale, v)) },
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

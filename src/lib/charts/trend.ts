/**
 * The quarterly trend of a metric, drawn with Observable Plot. The same
 * function draws in the browser and, at build time, on the server (with a
 * DOM from linkedom passed as `document`).
 */
import * as Plot from '@observablehq/plot';
import { utcDay } from '$lib/time';
import { type Locale } from '$lib/i18n';
import { formatNumber, formatQuarter } from '$lib/format';
import type { Metric, MetricRow } from '$lib/metrics';
import { suppressedMarks } from './suppressed';
import { PALETTE, PLOT_STYLE, REFERENCE_RULE, SIZES, type PlotOptions } from './theme';

/** A metric's value as the site writes it. */
export function formatValue(metric: Metric, locale: Locale, value: number | null): string {
	if (value === null) return '–';
	return formatNumber(locale, value, digitsOf(metric), metric.format === 'percent' ? 'percent' : 'decimal');
}

/**
 * A metric's unit written after its value: a percentage already carries its
 * sign, so "18.6%" is followed by "of municipalities", not "% of municipalities".
 */
export const unitAfterValue = (metric: Metric, locale: Locale) => (metric.format === 'percent' ? metric.unit[locale].replace(/^%\s*/, '') : metric.unit[locale]);

export const digitsOf = (metric: Metric) => metric.digits ?? (metric.format === 'integer' ? 0 : 1);

interface Point {
	date: Date;
	value: number | null;
	label: string;
	suppressed: boolean;
}

export function trendPlot(
	metric: Metric,
	rows: readonly MetricRow[],
	locale: Locale,
	options: PlotOptions = {},
): SVGSVGElement | HTMLElement {
	const points: Point[] = rows.map((r) => ({
		date: utcDay(r.quarter),
		value: r.value,
		label: `${formatQuarter(locale, r.quarter)}: ${formatValue(metric, locale, r.value)}`,
		suppressed: r.suppressed === true,
	}));
	const defined = points.filter((p) => p.value !== null);
	const reference = metric.references[0];
	const percent = metric.format === 'percent';
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.trend.width,
		height: options.height ?? SIZES.trend.height,
		marginLeft: 48,
		marginRight: 12,
		style: PLOT_STYLE,
		x: { type: 'utc', label: null, ticks: 4 },
		y: {
			// The axis says what its numbers are: "days", "% of caseload", "FTE per 10,000".
			label: metric.unit[locale],
			labelAnchor: 'top',
			labelArrow: 'none',
			grid: true,
			zero: true,
			nice: true,
			ticks: 4,
			tickFormat: (v: number) => (percent ? formatNumber(locale, v, 0, 'percent') : formatNumber(locale, v, v % 1 === 0 ? 0 : 1)),
		},
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grid }),
			// A reference line in the reference style, named on the chart with its source (#21).
			reference ? Plot.ruleY([reference.value], REFERENCE_RULE) : null,
			reference
				? Plot.text([reference], {
						y: 'value',
						text: () => `${percent ? formatNumber(locale, reference.value, 0, 'percent') : formatNumber(locale, reference.value, 1)} · ${reference.source}`,
						frameAnchor: 'right',
						textAnchor: 'end',
						dy: -6,
						fill: PALETTE.reference,
						stroke: '#ffffff',
						strokeWidth: 3,
						paintOrder: 'stroke',
						className: 'reference-label',
					})
				: null,
			// Missing quarters break the line: a gap, never a zero.
			Plot.lineY(points, { x: 'date', y: 'value', stroke: PALETTE.series, strokeWidth: 2, curve: 'linear' }),
			Plot.dot(defined.slice(-1), { x: 'date', y: 'value', fill: PALETTE.series, r: 3.5 }),
			suppressedMarks(points.filter((p) => p.suppressed), { x: 'date' }),
			Plot.tip(defined, Plot.pointerX({ x: 'date', y: 'value', title: 'label' })),
		],
	});
	// The reference's source is a citation, as published (English): marked so, as the Methods page marks it.
	for (const label of figure.querySelectorAll('.reference-label text')) label.setAttribute('lang', 'en');
	// The chart's container carries role="img" and a summary in words; the
	// drawing itself is hidden from assistive technology.
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

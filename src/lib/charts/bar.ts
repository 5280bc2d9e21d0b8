/**
 * Horizontal bars, one per group (a region, a unit), with an optional
 * reference line and one bar highlighted.
 */
import * as Plot from '@observablehq/plot';
import { SUPPRESSED } from '$lib/format';
import { tagged, tagKeys, type Emphasis } from './emphasis';
import { PALETTE, PLOT_STYLE, REFERENCE_RULE, SIZES, type PlotOptions } from './theme';

export interface BarRow {
	key: string;
	label: string;
	value: number | null;
	/** Withheld (public build): ":" where the bar would be. */
	suppressed?: boolean;
}

export interface BarOptions extends PlotOptions {
	format: (value: number) => string;
	reference?: number | null;
}

export function barPlot(rows: readonly BarRow[], options: BarOptions): SVGSVGElement | HTMLElement {
	// Missing values get no bar and say so, rather than reading as zero.
	const missing = rows.filter((r) => r.value === null);
	const drawn = rows.filter((r) => r.value !== null);
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: 24 + rows.length * 20,
		marginLeft: 150,
		marginRight: 56,
		style: PLOT_STYLE,
		x: { label: null, grid: true, nice: true, tickFormat: options.format, ticks: 5 },
		y: { label: null, domain: rows.map((r) => r.label) },
		marks: [
			Plot.barX(drawn, { x: 'value', y: 'label', fill: PALETTE.series }),
			Plot.text(drawn, {
				x: 'value',
				y: 'label',
				text: (r: BarRow) => options.format(r.value!),
				textAnchor: 'start',
				dx: 4,
				fill: PALETTE.text,
			}),
			Plot.text(missing, {
				x: 0,
				y: 'label',
				text: (r: BarRow) => (r.suppressed ? SUPPRESSED : '–'),
				textAnchor: 'start',
				dx: 4,
				fill: (r: BarRow) => (r.suppressed ? PALETTE.text : PALETTE.muted),
			}),
			options.reference != null ? Plot.ruleX([options.reference], REFERENCE_RULE) : null,
			Plot.ruleX([0], { stroke: PALETTE.text }),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	tagKeys(figure.querySelectorAll('[aria-label="bar"] rect'), (i) => drawn[i]!.key);
	emphasiseBar(figure, options.highlight ?? null);
	return figure;
}

/** The chosen bar in colour, the others in grey; every bar in colour when none is chosen. */
export const emphasiseBar: Emphasis = (figure, highlight) => {
	for (const bar of tagged(figure, 'bar')) bar.setAttribute('fill', highlight && bar.getAttribute('data-key') !== highlight ? PALETTE.context : PALETTE.series);
};

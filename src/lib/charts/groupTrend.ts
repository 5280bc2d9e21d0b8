/**
 * Quarterly lines of many groups (regions), one or more panels side by side
 * (one per measure): the highlighted group in colour, the others as grey
 * context behind it. Missing quarters break a line rather than read as zero.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface GroupTrendRow {
	/** First day of the quarter, YYYY-MM-DD. */
	quarter: string;
	group: string;
	panel: string;
	value: number | null;
}

export interface GroupTrendOptions extends PlotOptions {
	highlight: string;
	format: (value: number) => string;
}

export function groupTrendPlot(rows: readonly GroupTrendRow[], options: GroupTrendOptions): SVGSVGElement | HTMLElement {
	const points = rows.map((r) => ({ ...r, date: new Date(`${r.quarter}T00:00:00Z`) }));
	const isHighlight = (r: { group: string }) => r.group === options.highlight;
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: options.height ?? SIZES.wide.height,
		marginLeft: 44,
		marginRight: 12,
		style: PLOT_STYLE,
		// Panels in the order of the rows, not alphabetically.
		fx: { label: null, domain: [...new Set(rows.map((r) => r.panel))] },
		x: { type: 'utc', label: null, ticks: 3 },
		y: { label: null, grid: true, zero: true, nice: true, ticks: 4, tickFormat: options.format },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grid }),
			Plot.lineY(points.filter((p) => !isHighlight(p)), { x: 'date', y: 'value', z: 'group', fx: 'panel', stroke: PALETTE.context, strokeWidth: 1 }),
			Plot.lineY(points.filter(isHighlight), { x: 'date', y: 'value', fx: 'panel', stroke: PALETTE.series, strokeWidth: 2.5 }),
			Plot.tip(points, Plot.pointer({ x: 'date', y: 'value', fx: 'panel', title: (p: GroupTrendRow) => `${p.group}: ${p.value === null ? '–' : options.format(p.value)}` })),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

/**
 * Quarterly lines of many groups (regions), one or more panels side by side
 * (one per measure): the highlighted group in colour, the others as grey
 * context behind it. Missing quarters break a line rather than read as zero.
 */
import * as Plot from '@observablehq/plot';
import { utcDay } from '$lib/time';
import { tagged, tagKeys, type Emphasis } from './emphasis';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface GroupTrendRow {
	/** First day of the quarter, YYYY-MM-DD. */
	quarter: string;
	group: string;
	panel: string;
	value: number | null;
}

export interface GroupTrendOptions extends PlotOptions {
	format: (value: number) => string;
}

export function groupTrendPlot(rows: readonly GroupTrendRow[], options: GroupTrendOptions): SVGSVGElement | HTMLElement {
	const points = rows.map((r) => ({ ...r, date: utcDay(r.quarter) }));
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
			// Every group's line in grey; the highlighted one is restyled and raised (emphasiseGroup).
			Plot.lineY(points, { x: 'date', y: 'value', z: 'group', fx: 'panel', stroke: PALETTE.context, strokeWidth: 1 }),
			Plot.tip(points, Plot.pointer({ x: 'date', y: 'value', fx: 'panel', title: (p: GroupTrendRow) => `${p.group}: ${p.value === null ? '–' : options.format(p.value)}` })),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	tagKeys(figure.querySelectorAll('[aria-label="line"] path'), (i) => rows[i]!.group);
	emphasiseGroup(figure, options.highlight ?? null);
	return figure;
}

/** The highlighted group's line in colour, thicker, and drawn over the others. */
export const emphasiseGroup: Emphasis = (figure, highlight) => {
	for (const line of tagged(figure, 'line')) {
		if (line.getAttribute('data-key') === highlight) {
			line.setAttribute('stroke', PALETTE.series);
			line.setAttribute('stroke-width', '2.5');
			line.parentNode!.appendChild(line);
		} else {
			line.removeAttribute('stroke');
			line.removeAttribute('stroke-width');
		}
	}
};

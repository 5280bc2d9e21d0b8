/**
 * One small panel per group (region), in rows of a few: the group's
 * quarterly line, a reference line (the country) in grey behind it in every
 * panel, and the chosen group's panel framed. Panels share the y scale, so
 * heights compare.
 */
import * as Plot from '@observablehq/plot';
import { utcDay } from '$lib/time';
import { tagged, tagKeys, type Emphasis } from './emphasis';
import { suppressedMarks } from './suppressed';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface PanelRow {
	quarter: string;
	/** The group's key, and its name as the panel's title. */
	group: string;
	name: string;
	value: number | null;
	/** Withheld (public build): a ":" on the panel's axis. */
	suppressed?: boolean;
}

export interface SmallMultiplesOptions extends PlotOptions {
	format: (value: number) => string;
	/** The series drawn in grey in every panel. */
	reference?: readonly { quarter: string; value: number | null }[];
	columns?: number;
}

const MARGIN_LEFT = 40;
const PADDING = 0.12;
/** The narrowest panel, in pixels: a title, two year ticks and a line that can be read. */
const MIN_PANEL = 140;
/** The charts' font size, in pixels: Plot measures a line's width in ems of it. */
const FONT_PX = 12;

export function smallMultiplesPlot(rows: readonly PanelRow[], options: SmallMultiplesOptions): SVGSVGElement | HTMLElement {
	const groups = [...new Map(rows.map((r) => [r.group, r.name]))];
	const width = options.width ?? SIZES.full.width;
	// As many columns as panels of at least MIN_PANEL pixels fit: one or two on a phone, not six shrunk.
	const columns = options.columns ?? Math.max(1, Math.min(SIZES.panel.columns, Math.floor((width - MARGIN_LEFT) / MIN_PANEL)));
	const panelWidth = ((width - MARGIN_LEFT) / columns) * (1 - PADDING);
	const place = new Map(groups.map(([group], i) => [group, { col: i % columns, row: Math.floor(i / columns) }]));
	const at = (group: string) => place.get(group)!;
	const points = rows.map((r) => ({ ...r, date: utcDay(r.quarter), col: at(r.group).col, row: at(r.group).row }));
	const reference = groups.flatMap(([group]) => (options.reference ?? []).map((r) => ({ ...r, date: utcDay(r.quarter), col: at(group).col, row: at(group).row })));
	const titles = groups.map(([group, name]) => ({ group, name, ...at(group) }));
	const figure = Plot.plot({
		document: options.document,
		width,
		height: 24 + Math.ceil(groups.length / columns) * SIZES.panel.height,
		marginLeft: MARGIN_LEFT,
		marginTop: 16,
		style: PLOT_STYLE,
		fx: { axis: null, padding: PADDING },
		fy: { axis: null, padding: 0.25 },
		x: { type: 'utc', label: null, ticks: 2, tickFormat: '%Y' },
		y: { label: null, grid: true, zero: true, nice: true, ticks: 3, tickFormat: options.format },
		marks: [
			// A rect without x or y spans its whole panel: a frame for each group, the chosen one stronger (emphasisePanel).
			Plot.rect(titles, { fx: 'col', fy: 'row', fill: 'none', stroke: PALETTE.grid, strokeWidth: 1 }),
			Plot.lineY(reference, { x: 'date', y: 'value', fx: 'col', fy: 'row', stroke: PALETTE.context, strokeWidth: 1.5 }),
			Plot.lineY(points, { x: 'date', y: 'value', z: 'group', fx: 'col', fy: 'row', stroke: PALETTE.series, strokeWidth: 1.5 }),
			suppressedMarks(points.filter((p) => p.suppressed), { x: 'date', fx: 'col', fy: 'row' }, 11),
			// A title no wider than its panel ("Västra Götalands län" ends in "…" where it would run into the next; the table has the whole name).
			Plot.text(titles, {
				fx: 'col',
				fy: 'row',
				text: 'name',
				frameAnchor: 'top-left',
				dy: -13,
				fontWeight: 600,
				lineWidth: panelWidth / FONT_PX,
				textOverflow: 'ellipsis',
			}),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	tagKeys(figure.querySelectorAll('[aria-label="rect"] rect'), (i) => titles[i]!.group);
	emphasisePanel(figure, options.highlight ?? null);
	return figure;
}

/** The chosen group's panel framed in colour. */
export const emphasisePanel: Emphasis = (figure, highlight) => {
	for (const frame of tagged(figure, 'rect')) {
		const chosen = frame.getAttribute('data-key') === highlight;
		frame.setAttribute('stroke', chosen ? PALETTE.series : PALETTE.grid);
		frame.setAttribute('stroke-width', chosen ? '2' : '1');
	}
};

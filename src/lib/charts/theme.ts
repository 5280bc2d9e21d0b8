/**
 * Sizes and colours of every chart, in one place: the server and the browser
 * draw at the same sizes, so the layout does not jump when a live chart
 * replaces a prerendered one.
 */

/** Colour-blind-safe; series and reference colours have at least 4.5:1 contrast on white. */
export const PALETTE = {
	series: '#1f5a96',
	/** A reference or benchmark line and its words, on every chart: a grey no data series uses (#21). */
	reference: '#424a53',
	/** What stands out among the data: a flagged unit, the unit itself, a fitted line, the chosen municipality. */
	highlight: '#a84f00',
	grid: '#d0d7de',
	text: '#1b1f24',
	muted: '#6e7781',
	/** Lines of the other groups behind a highlighted one. */
	context: '#b6bec8',
	/** Units serving a municipality: not served, then 1, 2, 3 or more (a sequential blue scale). */
	served: ['#f3ede4', '#9ecae1', '#4a90c2', '#1f5a96'],
	/** A municipality with no data at all (drawn hatched, see map.ts). */
	missing: '#ffffff',
	/** Series told apart by colour (at most four), each with at least 4.5:1 contrast on white. */
	categorical: ['#1f5a96', '#a84f00', '#2d6a3a', '#7a3d8c'],
	/** Light backgrounds for bands (fidelity levels), lightest first. */
	bands: ['#f6f8fa', '#eef2f6', '#e3eaf2', '#d6e2ee'],
} as const;

export const SIZES = {
	/** A small trend, as on the overview's key figures. */
	trend: { width: 360, height: 170 },
	/** A chart that takes a column of the page. */
	wide: { width: 640, height: 260 },
	/** A chart across the whole page. */
	full: { width: 1040 },
	/** Small multiples: one small panel per group. */
	panel: { height: 90, columns: 7 },
	/** A map: its height follows the country's shape. */
	map: { width: 340 },
	fontSize: '12px',
} as const;

/** How every reference line is drawn: dotted, in the reference grey, never like a data series. */
export const REFERENCE_RULE = { stroke: PALETTE.reference, strokeDasharray: '2,3', strokeWidth: 1.25 } as const;

/** The style every plot shares. */
export const PLOT_STYLE = { fontSize: SIZES.fontSize, color: PALETTE.text, background: 'transparent', overflow: 'visible' } as const;

/** What every plot function takes besides its rows. */
export interface PlotOptions {
	width?: number;
	height?: number;
	/** A DOM to draw into: linkedom's on the server, the page's in the browser. */
	document?: Document;
	/** The key of the group, bar or panel to stand out (the chosen region); see ./emphasis.ts. */
	highlight?: string | null;
}

/**
 * Fidelity reviews over time: each review's IPS-25 score, joined by a line,
 * over the scale's level bands (not IPS ≤ 73, fair 74–99, good 100–114,
 * exemplary 115–125), each band named at the right.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface ReviewPoint {
	/** YYYY-MM-DD */
	reviewed_on: string;
	score: number;
}

export interface FidelityOptions extends PlotOptions {
	/** The bands' words: not IPS, fair, good, exemplary. */
	levels: readonly [string, string, string, string];
	/** The time axis, YYYY-MM-DD. */
	from: string;
	to: string;
}

/** The IPS-25 scale's bands, lowest first: scores from y1 up to, not including, y2. */
const BANDS = [
	[25, 74],
	[74, 100],
	[100, 115],
	[115, 125],
] as const;

export function fidelityPlot(rows: readonly ReviewPoint[], options: FidelityOptions): SVGSVGElement | HTMLElement {
	const points = rows.map((r) => ({ ...r, date: new Date(`${r.reviewed_on}T00:00:00Z`) }));
	const bands = BANDS.map(([y1, y2], i) => ({ y1, y2, label: options.levels[i]!, fill: PALETTE.bands[i]! }));
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: options.height ?? SIZES.wide.height,
		marginLeft: 40,
		marginRight: 90,
		style: PLOT_STYLE,
		x: { type: 'utc', label: null, ticks: 5, domain: [new Date(`${options.from}T00:00:00Z`), new Date(`${options.to}T00:00:00Z`)] },
		y: { label: null, domain: [60, 125], ticks: [73, 100, 115, 125] },
		marks: [
			Plot.rectY(bands, { y1: (b) => Math.max(60, b.y1), y2: 'y2', fill: 'fill', x1: new Date(`${options.from}T00:00:00Z`), x2: new Date(`${options.to}T00:00:00Z`) }),
			Plot.text(bands, { y: (b) => (Math.max(60, b.y1) + b.y2) / 2, text: 'label', frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: PALETTE.muted }),
			Plot.line(points, { x: 'date', y: 'score', stroke: PALETTE.series, strokeWidth: 1.5 }),
			Plot.dot(points, { x: 'date', y: 'score', r: 4, fill: PALETTE.series, stroke: '#ffffff' }),
			Plot.text(points, { x: 'date', y: 'score', text: (p: ReviewPoint) => String(p.score), dy: -10, fill: PALETTE.text }),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

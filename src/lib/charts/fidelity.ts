/**
 * Fidelity reviews over time: each review's IPS-25 score, joined by a line,
 * over the scale's level bands ($lib/contract FIDELITY_BANDS), each band
 * named at the right.
 */
import * as Plot from '@observablehq/plot';
import { utcDay } from '$lib/time';
import { FIDELITY_BANDS, FIDELITY_SCALE, type FidelityLevel } from '$lib/contract';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface ReviewPoint {
	/** YYYY-MM-DD */
	reviewed_on: string;
	score: number;
}

export interface FidelityOptions extends PlotOptions {
	/** Each level's word. */
	levels: Readonly<Record<FidelityLevel, string>>;
	/** The time axis, YYYY-MM-DD. */
	from: string;
	to: string;
}

/** The axis starts below the fair band: scores under 60 are rare and would squash the rest. */
const AXIS_FLOOR = 60;

export function fidelityPlot(rows: readonly ReviewPoint[], options: FidelityOptions): SVGSVGElement | HTMLElement {
	const points = rows.map((r) => ({ ...r, date: utcDay(r.reviewed_on) }));
	const bands = FIDELITY_BANDS.map(({ level, from, to }, i) => ({ y1: from, y2: to, label: options.levels[level], fill: PALETTE.bands[i]! }));
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: options.height ?? SIZES.wide.height,
		marginLeft: 40,
		marginRight: 90,
		style: PLOT_STYLE,
		x: { type: 'utc', label: null, ticks: 5, domain: [utcDay(options.from), utcDay(options.to)] },
		// Ticks at each band's edge: the highest score of the lowest band, then each higher band's first, and the top.
		y: { label: null, domain: [AXIS_FLOOR, FIDELITY_SCALE.max], ticks: [FIDELITY_BANDS[1]!.from - 1, ...FIDELITY_BANDS.slice(2).map((b) => b.from), FIDELITY_SCALE.max] },
		marks: [
			Plot.rectY(bands, { y1: (b) => Math.max(AXIS_FLOOR, b.y1), y2: 'y2', fill: 'fill', x1: utcDay(options.from), x2: utcDay(options.to) }),
			Plot.text(bands, { y: (b) => (Math.max(AXIS_FLOOR, b.y1) + b.y2) / 2, text: 'label', frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: PALETTE.muted }),
			Plot.line(points, { x: 'date', y: 'score', stroke: PALETTE.series, strokeWidth: 1.5 }),
			Plot.dot(points, { x: 'date', y: 'score', r: 4, fill: PALETTE.series, stroke: '#ffffff' }),
			Plot.text(points, { x: 'date', y: 'score', text: (p: ReviewPoint) => String(p.score), dy: -10, fill: PALETTE.text }),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

/**
 * A spine chart (as the English public health profiles draw them): one row
 * per measure, the network's range from its worst to its best unit as a
 * light bar, the middle half (quartiles) darker, the median as a line, and
 * the unit as a dot. Each row is scaled to its own range, so that better is
 * always to the right; the values themselves are written at the right.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface SpinePoint {
	label: string;
	value: number | null;
	/** The network's spread: null where it has no values or is withheld; the row then holds its text only. */
	min: number | null;
	q1: number | null;
	median: number | null;
	q3: number | null;
	max: number | null;
	better: 'higher' | 'lower';
	/** The unit's value and the range, as written beside the row. */
	text: string;
}

export interface SpineOptions extends PlotOptions {
	/** The words at the axis' ends: worse, better. */
	ends: [string, string];
}

/** A value's place on its row: 0 at the worst unit of the network, 1 at the best. */
export function spinePosition(row: { min: number; max: number; better: 'higher' | 'lower' }, value: number): number {
	if (row.max === row.min) return 0.5;
	const share = (value - row.min) / (row.max - row.min);
	return row.better === 'higher' ? share : 1 - share;
}

export function spinePlot(rows: readonly SpinePoint[], options: SpineOptions): SVGSVGElement | HTMLElement {
	const scaled = rows.flatMap((r) => {
		const { min, q1, median, q3, max } = r;
		if (min === null || q1 === null || median === null || q3 === null || max === null) return [];
		const range = { min, max, better: r.better };
		const [a, b] = [spinePosition(range, q1), spinePosition(range, q3)];
		return [{ ...r, low: Math.min(a, b), high: Math.max(a, b), mid: spinePosition(range, median), at: r.value === null ? null : spinePosition(range, r.value) }];
	});
	const width = options.width ?? SIZES.wide.width;
	// The labels and values take at most about a third of a narrow drawing each, leaving the bars room; a label wraps rather than run off the left.
	const marginLeft = Math.min(200, Math.round(width * 0.36), 12 + 6.5 * Math.max(...rows.map((r) => r.label.length), 4));
	const figure = Plot.plot({
		document: options.document,
		width,
		height: 44 + rows.length * 34,
		marginLeft,
		marginRight: Math.min(150, Math.round(width * 0.28)),
		style: PLOT_STYLE,
		x: { domain: [0, 1], ticks: [0, 1], tickFormat: (x: number) => (x === 0 ? options.ends[0] : options.ends[1]), label: null },
		y: { label: null, domain: rows.map((r) => r.label) },
		marks: [
			Plot.axisY({ tickSize: 0, tickPadding: 8, lineWidth: (marginLeft - 14) / 12 }),
			Plot.barX(scaled, { x1: 0, x2: 1, y: 'label', fill: PALETTE.bands[2], insetTop: 6, insetBottom: 6 }),
			Plot.barX(scaled, { x1: 'low', x2: 'high', y: 'label', fill: '#9fb3c8', insetTop: 6, insetBottom: 6 }),
			Plot.tickX(scaled, { x: 'mid', y: 'label', stroke: PALETTE.text, strokeWidth: 1.5, insetTop: 4, insetBottom: 4 }),
			Plot.dot(scaled.filter((r) => r.at !== null), { x: 'at', y: 'label', r: 6, fill: PALETTE.highlight, stroke: '#ffffff', strokeWidth: 1 }),
			Plot.text(rows, { x: 1, y: 'label', text: 'text', textAnchor: 'start', dx: 10, fill: PALETTE.text }),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

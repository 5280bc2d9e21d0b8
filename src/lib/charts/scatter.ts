/**
 * Points of x against y with shaded x bands (the fidelity levels) behind
 * them, and a fitted line over the points' x range.
 */
import * as Plot from '@observablehq/plot';
import { circle, dotPaths } from './dotPaths';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface ScatterPoint {
	x: number;
	y: number;
	/** The point in words (hover and table). */
	label: string;
}

export interface ScatterOptions extends PlotOptions {
	xFormat: (value: number) => string;
	yFormat: (value: number) => string;
	xDomain: [number, number];
	xLabel?: string;
	/** Bands along x, each from its start to the next band's start, with its words. */
	bands?: readonly { from: number; to: number; label: string }[];
	fit?: { slope: number; intercept: number } | null;
}

export function scatterPlot(points: readonly ScatterPoint[], options: ScatterOptions): SVGSVGElement | HTMLElement {
	const xs = points.map((p) => p.x);
	const line = options.fit && xs.length
		? [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, y: options.fit!.intercept + options.fit!.slope * x }))
		: [];
	// Bands are drawn within the x domain shown, never past it.
	const [low, high] = options.xDomain;
	const bands = (options.bands ?? []).map((b) => ({ ...b, from: Math.max(b.from, low), to: Math.min(b.to, high) })).filter((b) => b.from < b.to);
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: options.height ?? 300,
		marginLeft: 48,
		marginTop: 22,
		style: PLOT_STYLE,
		marginBottom: options.xLabel ? 36 : 30,
		x: { label: options.xLabel ?? null, labelAnchor: 'center', labelArrow: 'none', domain: options.xDomain, tickFormat: options.xFormat },
		y: { label: null, grid: true, zero: true, nice: true, tickFormat: options.yFormat },
		marks: [
			Plot.rectX(bands, { x1: 'from', x2: 'to', fill: (_: unknown, i: number) => PALETTE.bands[i % PALETTE.bands.length] }),
			Plot.text(bands, { x: (b: { from: number; to: number }) => (b.from + b.to) / 2, text: 'label', frameAnchor: 'top', dy: -14, fill: PALETTE.muted }),
			Plot.ruleY([0], { stroke: PALETTE.grid }),
			// A path, not an element a point: the fidelity scatter has tens of thousands at a hundred times the units.
			Plot.dot(points, {
				x: 'x',
				y: 'y',
				render: dotPaths({
					symbol: circle(3.5),
					colours: [PALETTE.series],
					colourOf: () => PALETTE.series,
					paint: (colour) => ({ fill: colour, 'fill-opacity': '0.7', stroke: '#ffffff', 'stroke-width': '0.5' }),
				}),
			}),
			Plot.line(line, { x: 'x', y: 'y', stroke: PALETTE.highlight, strokeWidth: 2 }),
			Plot.tip(points, Plot.pointer({ x: 'x', y: 'y', title: 'label' })),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

/**
 * A funnel plot (Spiegelhalter 2005): each unit's rate against its size,
 * with the target as a line and control limits that narrow as size grows,
 * at 95 % (dashed) and 99.8 % (solid). Units outside the 99.8 % limits are
 * labelled. The limits come in as curves over n (computed elsewhere, e.g. by
 * FunnelPlotR's method); this function only draws.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface FunnelPoint {
	id: string;
	n: number;
	rate: number;
	label: string;
	/** above or below the 99.8 % limits, or within them. */
	flag: 'above' | 'below' | 'within';
}

export interface FunnelLimit {
	n: number;
	lower95: number;
	upper95: number;
	lower998: number;
	upper998: number;
}

export interface FunnelOptions extends PlotOptions {
	target: number;
	limits: readonly FunnelLimit[];
	format: (value: number) => string;
	xLabel: string;
	/** A point to ring and name whatever its flag (the unit chosen in the filters). */
	highlight?: string | null;
}

function yDomain(points: readonly FunnelPoint[], options: FunnelOptions): [number, number] {
	const values = [...points.map((p) => p.rate), ...options.limits.flatMap((l) => [l.lower998, l.upper998]), options.target];
	const [low, high] = [Math.min(...values), Math.max(...values)];
	const step = 0.1;
	return [Math.max(0, Math.floor(low / step) * step), Math.min(1, Math.ceil(high / step) * step)];
}

export function funnelPlot(points: readonly FunnelPoint[], options: FunnelOptions): SVGSVGElement | HTMLElement {
	const tipText = (p: FunnelPoint) => `${p.label}: ${options.format(p.rate)} (n = ${Math.round(p.n)})`;
	const named = points.filter((p) => p.flag !== 'within' || p.id === options.highlight);
	const chosen = points.filter((p) => p.id === options.highlight);
	const limit = (y: keyof FunnelLimit, dash: boolean) =>
		Plot.line(options.limits, { x: 'n', y, stroke: PALETTE.muted, strokeWidth: 1, strokeDasharray: dash ? '4,3' : undefined });
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: options.height ?? 320,
		marginLeft: 48,
		marginBottom: 36,
		style: PLOT_STYLE,
		x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', zero: true, nice: true },
		// From 0, or from just below the lowest unit or limit where all lie high (report completeness), up to what is drawn.
		y: { label: null, domain: yDomain(points, options), grid: true, tickFormat: options.format },
		marks: [
			limit('lower95', true),
			limit('upper95', true),
			limit('lower998', false),
			limit('upper998', false),
			Plot.ruleY([options.target], { stroke: PALETTE.reference, strokeWidth: 1.5 }),
			Plot.dot(points, { x: 'n', y: 'rate', r: 3.5, fill: (p: FunnelPoint) => (p.flag === 'within' ? PALETTE.series : PALETTE.reference), stroke: '#ffffff', strokeWidth: 0.5 }),
			Plot.dot(chosen, { x: 'n', y: 'rate', r: 7, stroke: PALETTE.text, strokeWidth: 1.5 }),
			// The chosen or pointed-at unit with its rate and size, as the tip gives them.
			Plot.text(named, { x: 'n', y: 'rate', text: (p: FunnelPoint) => (p.id === options.highlight ? tipText(p) : p.label), textAnchor: 'start', dx: 6, fill: PALETTE.text }),
			Plot.tip(points, Plot.pointer({ x: 'n', y: 'rate', title: tipText })),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

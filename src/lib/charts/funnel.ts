/**
 * A funnel plot (Spiegelhalter 2005): each unit's rate against its size,
 * with the target as a line and control limits that narrow as size grows,
 * at 95 % (dashed) and 99.8 % (solid). Units outside the 99.8 % limits are
 * labelled, as many as fit the plot's height a line apart, furthest out
 * (largest |z|) first: at a hundred times the units a network has dozens.
 * The limits come in as curves over n (computed elsewhere, e.g. by
 * FunnelPlotR's method); this function only draws.
 */
import * as Plot from '@observablehq/plot';
import { circle, dotPaths } from './dotPaths';
import { spreadLabels } from './labels';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface FunnelPoint {
	id: string;
	n: number;
	rate: number;
	label: string;
	/** above or below the 99.8 % limits, or within them. */
	flag: 'above' | 'below' | 'within';
	/** How far from the target, in standard errors: the furthest are named first. */
	z: number;
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

const MARGIN = { top: 20, bottom: 36 };
const HEIGHT = 320;
/** A label line's height in pixels, at the charts' font size. */
const LABEL_GAP = 14;

/**
 * The units a funnel of that height names: the highlighted one, then those
 * outside the 99.8 % limits furthest out first, as many as fit a line apart
 * between its top and bottom; in the order given.
 */
export function namedInFunnel<P extends Pick<FunnelPoint, 'id' | 'flag' | 'z'>>(points: readonly P[], highlight: string | null | undefined, height = HEIGHT): P[] {
	const room = Math.floor((height - MARGIN.bottom - MARGIN.top) / LABEL_GAP);
	const outside = points.filter((p) => p.flag !== 'within' && p.id !== highlight).sort((a, b) => Math.abs(b.z) - Math.abs(a.z));
	const named = new Set([...points.filter((p) => p.id === highlight), ...outside].slice(0, room));
	return points.filter((p) => named.has(p));
}

const DOT_RADIUS = 3.5;

export function funnelPlot(points: readonly FunnelPoint[], options: FunnelOptions): SVGSVGElement | HTMLElement {
	const tipText = (p: FunnelPoint) => `${p.label}: ${options.format(p.rate)} (n = ${Math.round(p.n)})`;
	const height = options.height ?? HEIGHT;
	const named = namedInFunnel(points, options.highlight, height);
	const chosen = points.filter((p) => p.id === options.highlight);
	const limit = (y: keyof FunnelLimit, dash: boolean) =>
		Plot.line(options.limits, { x: 'n', y, stroke: PALETTE.muted, strokeWidth: 1, strokeDasharray: dash ? '4,3' : undefined });
	// Names of flagged units spread apart so that none overlaps another (several often sit together at the bottom left).
	const domain = yDomain(points, options);
	const [top, bottom] = [MARGIN.top, height - MARGIN.bottom];
	const toPixel = (rate: number) => top + ((domain[1] - rate) / (domain[1] - domain[0] || 1)) * (bottom - top);
	const toRate = (pixel: number) => domain[1] - ((pixel - top) / (bottom - top)) * (domain[1] - domain[0]);
	const labelAt = spreadLabels(named.map((p) => toPixel(p.rate)), LABEL_GAP, top + LABEL_GAP / 2, bottom - LABEL_GAP / 2);
	const labels = named.map((p, i) => ({ ...p, labelRate: toRate(labelAt[i]!), moved: Math.abs(labelAt[i]! - toPixel(p.rate)) > 2 }));
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height,
		marginLeft: 48,
		marginTop: MARGIN.top,
		marginBottom: MARGIN.bottom,
		style: PLOT_STYLE,
		x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', zero: true, nice: true },
		// From 0, or from just below the lowest unit or limit where all lie high (report completeness), up to what is drawn.
		y: { label: null, domain, grid: true, tickFormat: options.format },
		marks: [
			limit('lower95', true),
			limit('upper95', true),
			limit('lower998', false),
			limit('upper998', false),
			Plot.ruleY([options.target], { stroke: PALETTE.reference, strokeWidth: 1.5 }),
			// Those within the limits first, those outside over them.
			Plot.dot(points, {
				x: 'n',
				y: 'rate',
				render: dotPaths({
					symbol: circle(DOT_RADIUS),
					colours: [PALETTE.series, PALETTE.highlight],
					colourOf: (i) => (points[i]!.flag === 'within' ? PALETTE.series : PALETTE.highlight),
					paint: (colour) => ({ fill: colour, stroke: '#ffffff', 'stroke-width': '0.5' }),
				}),
			}),
			Plot.dot(chosen, { x: 'n', y: 'rate', r: 2 * DOT_RADIUS, stroke: PALETTE.text, strokeWidth: 1.5 }),
			// The chosen or pointed-at unit with its rate and size, as the tip gives them.
			Plot.link(
				labels.filter((l) => l.moved),
				{ x1: 'n', y1: 'rate', x2: 'n', y2: 'labelRate', stroke: PALETTE.muted, strokeWidth: 0.75 },
			),
			// A white halo keeps the names legible over the dots beneath them.
			Plot.text(labels, { x: 'n', y: 'labelRate', text: (p: FunnelPoint) => (p.id === options.highlight ? tipText(p) : p.label), textAnchor: 'start', dx: 6, fill: PALETTE.text, stroke: '#ffffff', strokeWidth: 3, paintOrder: 'stroke', className: 'funnel-label' }),
			Plot.tip(points, Plot.pointer({ x: 'n', y: 'rate', title: tipText })),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

/**
 * Survival curves: a step line per stratum with its confidence band as a
 * stepped area behind it, a mark at each censoring, time in years.
 */
import * as Plot from '@observablehq/plot';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface StepRow {
	stratum: string;
	/** Time in days from the origin. */
	time: number;
	survival: number;
	lower: number | null;
	upper: number | null;
	/** Censored at this time (none where the counts are not published). */
	censored: number | null;
}

export interface StepOptions extends PlotOptions {
	format: (value: number) => string;
	/** Words for the x axis (time in years). */
	xLabel: string;
	/** A horizontal level to read against (0.5 for the median). */
	level?: number;
}

const YEAR = 365.25;

export function stepPlot(rows: readonly StepRow[], options: StepOptions): SVGSVGElement | HTMLElement {
	const strata = [...new Set(rows.map((r) => r.stratum))];
	const points = rows.map((r) => ({ ...r, years: r.time / YEAR }));
	const colors = { domain: strata, range: PALETTE.categorical.slice(0, Math.max(1, strata.length)) };
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: options.height ?? 300,
		marginLeft: 48,
		marginBottom: 36,
		style: PLOT_STYLE,
		x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', nice: true },
		y: { label: null, domain: [0, 1], grid: true, tickFormat: options.format },
		color: { ...colors, legend: strata.length > 1 },
		marks: [
			options.level != null ? Plot.ruleY([options.level], { stroke: PALETTE.grid, strokeDasharray: '4,3' }) : null,
			Plot.areaY(points.filter((p) => p.lower !== null && p.upper !== null), {
				x: 'years',
				y1: 'lower',
				y2: 'upper',
				z: 'stratum',
				fill: 'stratum',
				fillOpacity: 0.15,
				curve: 'step-after',
			}),
			Plot.line(points, { x: 'years', y: 'survival', z: 'stratum', stroke: 'stratum', strokeWidth: 2, curve: 'step-after' }),
			Plot.dot(points.filter((p) => (p.censored ?? 0) > 0), { x: 'years', y: 'survival', stroke: 'stratum', symbol: 'plus', r: 2.5 }),
			Plot.tip(points, Plot.pointerX({ x: 'years', y: 'survival', z: 'stratum', title: (p: StepRow & { years: number }) => `${p.stratum}: ${options.format(p.survival)}` })),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

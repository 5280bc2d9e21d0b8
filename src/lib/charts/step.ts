/**
 * Survival curves: a step line per stratum with its confidence band as a
 * stepped area behind it, a mark at each censoring, time in years.
 */
import * as Plot from '@observablehq/plot';
import { dotPaths, plus } from './dotPaths';
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
const MARGIN_LEFT = 48;

/**
 * The points a stepped line or band needs: where one of `keys` changes in a
 * stratum, and each stratum's last point, which carries the step on to the
 * end. A time with censoring alone repeats the level before it, and stepping
 * through it draws nothing: at a hundred times the units those repeats made
 * the survival curve's drawing 540 KB of the page, nearly all of it.
 */
export function stepsOnly<P extends { stratum: string }>(points: readonly P[], keys: readonly (keyof P)[]): P[] {
	return points.filter((point, i) => {
		const [before, after] = [points[i - 1], points[i + 1]];
		if (before?.stratum !== point.stratum || after?.stratum !== point.stratum) return true;
		return keys.some((key) => point[key] !== before[key]);
	});
}

/**
 * One censoring mark per pixel column of a stratum's curve: marks less than a
 * pixel apart on the same level are drawn over each other anyway (a mark is 5
 * pixels wide). At a hundred times the units, 2,381 marks were most of the
 * page of the survival view; on a column of their own each is still drawn.
 */
export function censorMarks<P extends { stratum: string; years: number; survival: number; censored: number | null }>(points: readonly P[], pixelsPerYear: number): P[] {
	const last = new Map<string, { column: number; survival: number }>();
	return points.filter((point) => {
		if ((point.censored ?? 0) <= 0) return false;
		const column = Math.round(point.years * pixelsPerYear);
		const before = last.get(point.stratum);
		if (before?.column === column && before.survival === point.survival) return false;
		last.set(point.stratum, { column, survival: point.survival });
		return true;
	});
}

export function stepPlot(rows: readonly StepRow[], options: StepOptions): SVGSVGElement | HTMLElement {
	const strata = [...new Set(rows.map((r) => r.stratum))];
	const points = rows.map((r) => ({ ...r, years: r.time / YEAR }));
	const colors = { domain: strata, range: PALETTE.categorical.slice(0, Math.max(1, strata.length)) };
	const width = options.width ?? SIZES.wide.width;
	// At least the pixels a year takes (the axis is niced to at least the last time, and the margins are left out).
	const pixelsPerYear = (width - MARGIN_LEFT) / points.reduce((most, p) => Math.max(most, p.years), 1e-9);
	const marks = censorMarks(points, pixelsPerYear);
	// The plot's own colour scale, so each stratum's marks take its line's colour.
	const colour = Plot.scale({ color: colors });
	const figure = Plot.plot({
		document: options.document,
		width,
		height: options.height ?? 300,
		marginLeft: MARGIN_LEFT,
		marginBottom: 36,
		style: PLOT_STYLE,
		x: { label: options.xLabel, labelAnchor: 'center', labelArrow: 'none', nice: true },
		y: { label: null, domain: [0, 1], grid: true, tickFormat: options.format },
		color: { ...colors, legend: strata.length > 1 },
		marks: [
			options.level != null ? Plot.ruleY([options.level], { stroke: PALETTE.grid, strokeDasharray: '4,3' }) : null,
			Plot.areaY(stepsOnly(points.filter((p) => p.lower !== null && p.upper !== null), ['lower', 'upper']), {
				x: 'years',
				y1: 'lower',
				y2: 'upper',
				z: 'stratum',
				fill: 'stratum',
				fillOpacity: 0.15,
				curve: 'step-after',
			}),
			Plot.line(stepsOnly(points, ['survival']), { x: 'years', y: 'survival', z: 'stratum', stroke: 'stratum', strokeWidth: 2, curve: 'step-after' }),
			// One path a stratum: hundreds of marks at a hundred times the units.
			Plot.dot(marks, {
				x: 'years',
				y: 'survival',
				render: dotPaths({
					symbol: plus(2.5),
					colours: colors.range,
					colourOf: (i) => colour.apply(marks[i]!.stratum) as string,
					paint: (colour) => ({ fill: 'none', stroke: colour, 'stroke-width': '1.5' }),
				}),
			}),
			Plot.tip(points, Plot.pointerX({ x: 'years', y: 'survival', z: 'stratum', title: (p: StepRow & { years: number }) => `${p.stratum}: ${options.format(p.survival)}` })),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

/**
 * Quarterly lines of a few series told apart by colour (a legend names them),
 * with published levels to read them against (benchmarks) as labelled,
 * dashed rules. Missing quarters break a line rather than read as zero.
 */
import * as Plot from '@observablehq/plot';
import { utcDay } from '$lib/time';
import { suppressedMarks } from './suppressed';
import { spreadLabels } from './labels';
import { PALETTE, PLOT_STYLE, REFERENCE_RULE, SIZES, type PlotOptions } from './theme';

export interface LineRow {
	/** First day of the quarter, YYYY-MM-DD. */
	quarter: string;
	series: string;
	value: number | null;
	/** Withheld (public build): drawn as ":" on the axis, the line broken there. */
	suppressed?: boolean;
	/** What the value rests on, in the tip beside it: "7 leavers / 2.0 mean headcount". */
	detail?: string;
}

export interface LinesOptions extends PlotOptions {
	format: (value: number) => string;
	/** Levels to read the lines against, each with its words. */
	levels?: readonly { value: number; label: string }[];
}

/** The points with a value whose series has none just before or after them. */
function isolated<P extends LineRow>(points: readonly P[]): P[] {
	const bySeries = new Map<string, P[]>();
	for (const p of points) bySeries.set(p.series, [...(bySeries.get(p.series) ?? []), p]);
	return [...bySeries.values()].flatMap((series) =>
		series.filter((p, i) => p.value !== null && (series[i - 1]?.value ?? null) === null && (series[i + 1]?.value ?? null) === null),
	);
}

/** A line of the levels' words, in pixels, at the charts' 12 px. */
const LABEL_GAP = 14;

export function linesPlot(rows: readonly LineRow[], options: LinesOptions): SVGSVGElement | HTMLElement {
	const series = [...new Set(rows.map((r) => r.series))];
	const points = rows.map((r) => ({ ...r, date: utcDay(r.quarter) }));
	const levels = options.levels ?? [];
	// Drawn once to learn where the levels fall, then with their words spread a line apart where they would overlap (#21).
	const draw = (labelAt: readonly number[]) => Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: options.height ?? SIZES.wide.height,
		marginLeft: 48,
		// Room for the levels' words at the right.
		marginRight: levels.length ? 24 + 6 * Math.max(...levels.map((l) => l.label.length + 5)) : 16,
		style: PLOT_STYLE,
		x: { type: 'utc', label: null, ticks: 5 },
		y: { label: null, grid: true, zero: true, nice: true, ticks: 5, tickFormat: options.format },
		color: { domain: series, range: PALETTE.categorical.slice(0, Math.max(series.length, 1)), legend: series.length > 1 },
		marks: [
			Plot.ruleY([0], { stroke: PALETTE.grid }),
			Plot.ruleY(levels, { y: 'value', ...REFERENCE_RULE }),
			Plot.text(
				levels.map((l, i) => ({ ...l, at: labelAt[i] ?? l.value })),
				{ y: 'at', text: (l: { value: number; label: string }) => `${l.label} ${options.format(l.value)}`, frameAnchor: 'right', textAnchor: 'start', dx: 4, fill: PALETTE.reference, className: 'reference-label' },
			),
			Plot.lineY(points, { x: 'date', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
			// A value with no neighbour in its series draws no line: a dot shows it.
			Plot.dot(isolated(points), { x: 'date', y: 'value', fill: 'series', r: 2.5 }),
			suppressedMarks(points.filter((p) => p.suppressed), { x: 'date', fill: 'series' }),
			Plot.tip(points, Plot.pointerX({ x: 'date', y: 'value', z: 'series', title: (p: LineRow) => `${p.series}: ${p.value === null ? '–' : options.format(p.value)}${p.detail ? ` (${p.detail})` : ''}` })),
		],
	});
	let figure = draw([]);
	if (levels.length > 1) {
		const y = (figure as unknown as { scale(name: 'y'): { apply(v: number): number; invert(p: number): number; range: [number, number] } }).scale('y');
		const [bottom, top] = y.range;
		const spread = spreadLabels(levels.map((l) => y.apply(l.value)), LABEL_GAP, top, bottom);
		if (spread.some((p, i) => Math.abs(p - y.apply(levels[i]!.value)) > 0.5)) figure = draw(spread.map((p) => y.invert(p)));
	}
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

/**
 * Periods as horizontal bars on a time axis, one row per label: how a unit
 * was funded, which municipalities it served. A period still running ends
 * at `end` (the data's last day) and is drawn open-ended, with an arrow.
 */
import * as Plot from '@observablehq/plot';
import { utcDay } from '$lib/time';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface TimelineRow {
	label: string;
	/** YYYY-MM-DD; `to` is exclusive, null while the period runs. */
	from: string;
	to: string | null;
	/** What colours the bar (a funding type); one colour when absent. */
	kind?: string;
}

export interface TimelineOptions extends PlotOptions {
	/** The days the data begin and end: the time axis; running periods stop at the end. */
	start: string;
	end: string;
	/** The kinds in the order of the legend, with their words. */
	kinds?: readonly { value: string; label: string }[];
}


export function timelinePlot(rows: readonly TimelineRow[], options: TimelineOptions): SVGSVGElement | HTMLElement {
	const bars = rows.map((r) => ({ ...r, start: utcDay(r.from), stop: utcDay(r.to ?? options.end), running: r.to === null }));
	const labels = [...new Set(rows.map((r) => r.label))];
	const kinds = options.kinds ?? [];
	const figure = Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.wide.width,
		height: 56 + labels.length * 26,
		marginTop: 16,
		marginLeft: Math.min(180, 12 + 6.5 * Math.max(4, ...labels.map((l) => l.length))),
		marginRight: 20,
		style: PLOT_STYLE,
		x: { type: 'utc', label: null, ticks: 5, domain: [utcDay(options.start), utcDay(options.end)] },
		y: { label: null, domain: labels },
		color: kinds.length
			? { domain: kinds.map((k) => k.label), range: PALETTE.categorical.slice(0, kinds.length), legend: true }
			: undefined,
		marks: [
			Plot.barX(bars, {
				x1: 'start',
				x2: 'stop',
				y: 'label',
				fill: kinds.length ? (b: TimelineRow) => kinds.find((k) => k.value === b.kind)?.label ?? b.kind : PALETTE.series,
				insetTop: 3,
				insetBottom: 3,
			}),
			Plot.text(bars.filter((b) => b.running), { x: 'stop', y: 'label', text: () => '→', textAnchor: 'start', dx: 3, fill: PALETTE.text }),
		],
	});
	figure.setAttribute('aria-hidden', 'true');
	return figure;
}

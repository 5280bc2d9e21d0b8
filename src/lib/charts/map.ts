/**
 * A map of municipalities coloured by a small count (units serving each):
 * drawn from boundaries with Plot's `geo` mark where the country has them,
 * and as a tile grid from the areas mart's tile positions where it has not.
 * The map fits the municipalities it is given, so a region's map is zoomed
 * to the region.
 */
import * as Plot from '@observablehq/plot';
import type { Boundary } from './boundaries';
import { PALETTE, PLOT_STYLE, SIZES, type PlotOptions } from './theme';

export interface MapRow {
	code: string;
	name: string;
	tile_col: number;
	tile_row: number;
	/** The count the colour shows; null is missing data, drawn apart from 0. */
	count: number | null;
	/** The municipality in words, for its label (read on focus; the page shows it on hover and focus). */
	label: string;
}

export interface MapOptions extends PlotOptions {
	/** Null: draw a tile grid. */
	boundaries: Boundary[] | null;
	/** Legend texts: none (0), one, two, three or more, missing. */
	classes: readonly [string, string, string, string, string];
	/** A municipality to outline (found by the search). */
	highlight?: string | null;
}

/** The colour class of a count: 0, 1, 2, 3 or more, or missing. */
const classOf = (count: number | null) => (count === null ? 4 : Math.min(count, 3));

export function mapPlot(rows: readonly MapRow[], options: MapOptions): SVGSVGElement | HTMLElement {
	const { classes } = options;
	const present = new Set(rows.map((r) => classOf(r.count)));
	// The legend lists the classes drawn, and "missing" only where something is missing.
	const shown = [0, 1, 2, 3, 4].filter((c) => c < 4 || present.has(4));
	const color = {
		type: 'ordinal' as const,
		domain: shown.map((c) => classes[c]!),
		range: shown.map((c) => (c === 4 ? PALETTE.missing : PALETTE.served[c]!)),
		legend: true,
	};
	const fill = (row: MapRow) => classes[classOf(row.count)]!;
	// A municipality the boundaries lack is listed in the table, not drawn.
	const codes = options.boundaries && new Set(options.boundaries.map((b) => b.properties.code));
	const drawn = codes ? rows.filter((r) => codes.has(r.code)) : rows;
	const figure = options.boundaries ? geoMapOnce(drawn, options.boundaries, options, color, fill) : tileMap(drawn, options, color, fill);
	markMunicipalities(figure, drawn);
	return figure;
}

type ColorScale = Plot.ScaleOptions & { legend: boolean; domain: string[]; range: string[] };

/**
 * Maps drawn from boundaries, by what fixes their drawing but for its
 * colours: the document, the boundaries, the size, the municipalities in
 * order, the legend's classes, those with missing data and the one
 * outlined. A filter change that keeps the municipalities (an organisation
 * type, a funding, a quarter) changes only how many units serve each, and
 * projecting every boundary again took most of a change on coverage (Plot
 * fitting the projection to them and writing each path: 20-30 ms a map
 * of the country in Chromium). Such a map is a copy of the one kept,
 * recoloured. The newest few are kept (a region's map and the country's).
 */
const drawnMaps = new Map<string, { document: Document | undefined; boundaries: readonly Boundary[]; figure: ReturnType<typeof Plot.plot> }>();
const MAPS_KEPT = 8;

function geoMapOnce(rows: readonly MapRow[], boundaries: Boundary[], options: MapOptions, color: ColorScale, fill: (row: MapRow) => string): ReturnType<typeof Plot.plot> {
	const key = [
		options.width ?? SIZES.map.width,
		options.highlight ?? '',
		color.domain.join('\u0001'),
		rows.map((r) => r.code).join(),
		rows.filter((r) => r.count === null).map((r) => r.code).join(),
	].join('|');
	const kept = drawnMaps.get(key);
	if (kept && kept.document === options.document && kept.boundaries === boundaries) {
		// Kept as the newest.
		drawnMaps.delete(key);
		drawnMaps.set(key, kept);
		const figure = kept.figure.cloneNode(true) as typeof kept.figure;
		const colourOf = new Map(color.domain.map((name, i) => [name, color.range[i]!]));
		// Plot draws one shape per row, in the rows' order, its fill the colour of the row's class.
		const shapes = figure.querySelector('[aria-label="geo"]')?.children ?? [];
		for (let i = 0; i < shapes.length && i < rows.length; i++) shapes[i]!.setAttribute('fill', colourOf.get(fill(rows[i]!))!);
		return figure;
	}
	const figure = geoMap(rows, boundaries, options, color, fill);
	drawnMaps.set(key, { document: options.document, boundaries, figure: figure.cloneNode(true) as typeof figure });
	if (drawnMaps.size > MAPS_KEPT) drawnMaps.delete(drawnMaps.keys().next().value!);
	return figure;
}

function geoMap(rows: readonly MapRow[], boundaries: Boundary[], options: MapOptions, color: ColorScale, fill: (row: MapRow) => string) {
	const byCode = new Map(boundaries.map((b) => [b.properties.code, b]));
	// One feature per row, in the rows' order, carrying its row.
	const features = rows.map((row) => ({ ...byCode.get(row.code)!, row }));
	const collection = { type: 'FeatureCollection', features };
	const [lon, lat] = centre(features.map((f) => f.geometry));
	return Plot.plot({
		document: options.document,
		width: options.width ?? SIZES.map.width,
		margin: 4,
		style: PLOT_STYLE,
		projection: { type: 'transverse-mercator', rotate: [-lon, -lat], domain: collection },
		color,
		marks: [
			Plot.geo(features, {
				fill: (f: { row: MapRow }) => fill(f.row),
				stroke: '#ffffff',
				strokeWidth: 0.4,
			}),
			// Missing data: white with a dashed outline, unlike the filled "not served".
			Plot.geo(
				features.filter((f) => f.row.count === null),
				{ fill: 'none', stroke: PALETTE.muted, strokeDasharray: '2,1' },
			),
			options.highlight
				? Plot.geo(
						features.filter((f) => f.row.code === options.highlight),
						{ stroke: PALETTE.highlight, strokeWidth: 2.5, fill: 'none' },
					)
				: null,
		],
	});
}

function tileMap(rows: readonly MapRow[], options: MapOptions, color: ColorScale, fill: (row: MapRow) => string) {
	const columns = new Set(rows.map((r) => r.tile_col)).size || 1;
	const lines = new Set(rows.map((r) => r.tile_row)).size || 1;
	const width = options.width ?? SIZES.map.width;
	return Plot.plot({
		document: options.document,
		width,
		height: Math.max(120, Math.round((width / columns) * lines)),
		margin: 4,
		style: PLOT_STYLE,
		x: { axis: null, type: 'band', padding: 0.06 },
		y: { axis: null, type: 'band', padding: 0.06 },
		color,
		marks: [
			Plot.cell(rows, {
				x: 'tile_col',
				y: 'tile_row',
				fill,
			}),
			Plot.cell(rows.filter((r) => r.count === null), { x: 'tile_col', y: 'tile_row', fill: 'none', stroke: PALETTE.muted, strokeDasharray: '2,1' }),
			options.highlight ? Plot.cell(rows.filter((r) => r.code === options.highlight), { x: 'tile_col', y: 'tile_row', stroke: PALETTE.highlight, strokeWidth: 2.5, fill: 'none' }) : null,
		],
	});
}

/**
 * Each municipality's shape carries its code (data-code) and its words
 * (aria-label), and can take keyboard focus: the first is in the tab order,
 * the others are reached with the arrow keys (see focusMunicipalities), so
 * the map is one stop for a reader who tabs past it. Plot draws one element
 * per datum, in the data's order.
 */
function markMunicipalities(figure: Element, rows: readonly MapRow[]) {
	const shapes = figure.querySelector('[aria-label="geo"], [aria-label="cell"]')?.children ?? [];
	for (let i = 0; i < shapes.length && i < rows.length; i++) {
		shapes[i]!.setAttribute('data-code', rows[i]!.code);
		shapes[i]!.setAttribute('aria-label', rows[i]!.label);
		shapes[i]!.setAttribute('role', 'img');
		shapes[i]!.setAttribute('tabindex', i === 0 ? '0' : '-1');
	}
}

/**
 * Keyboard and pointer over a map drawn by mapPlot, inside `root`: arrow
 * keys move focus between municipalities (in the rows' order), Home and End
 * go to the first and last; hover or focus calls `onactive` with the code.
 */
export function focusMunicipalities(root: HTMLElement, onactive: (code: string | null) => void) {
	const shapes = () => [...root.querySelectorAll<SVGElement>('[data-code]')];
	const codeOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('[data-code]')?.getAttribute('data-code') ?? null : null);
	const keydown = (event: KeyboardEvent) => {
		const all = shapes();
		const at = all.indexOf(event.target as SVGElement);
		if (at < 0) return;
		const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -at, End: all.length - 1 - at };
		if (!(event.key in step)) return;
		event.preventDefault();
		const next = all[Math.min(all.length - 1, Math.max(0, at + step[event.key]!))]!;
		all[at]!.setAttribute('tabindex', '-1');
		next.setAttribute('tabindex', '0');
		next.focus();
	};
	const show = (event: Event) => onactive(codeOf(event.target));
	root.addEventListener('keydown', keydown);
	root.addEventListener('focusin', show);
	root.addEventListener('pointerover', show);
	return () => {
		root.removeEventListener('keydown', keydown);
		root.removeEventListener('focusin', show);
		root.removeEventListener('pointerover', show);
	};
}

/** The middle of the features' extent in longitude and latitude: the projection's centre. */
function centre(geometries: readonly Boundary['geometry'][]): [number, number] {
	let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (value: unknown) => {
		if (!Array.isArray(value)) return;
		if (typeof value[0] === 'number') {
			const [x, y] = value as [number, number];
			west = Math.min(west, x);
			east = Math.max(east, x);
			south = Math.min(south, y);
			north = Math.max(north, y);
		} else value.forEach(visit);
	};
	geometries.forEach((g) => visit(g.coordinates));
	return Number.isFinite(west) ? [(west + east) / 2, (south + north) / 2] : [0, 0];
}

/**
 * Each plot function of the chart kit, drawn as the build draws it (with
 * linkedom's DOM), checked for what it must show and kept as an SVG
 * snapshot (tests/unit/__snapshots__/charts/, viewable as images).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barPlot, emphasiseBar } from '$lib/charts/bar';
import type { Boundaries } from '$lib/charts/boundaries';
import { funnelPlot, namedInFunnel } from '$lib/charts/funnel';
import { spreadLabels } from '$lib/charts/labels';
import { emphasiseGroup, groupTrendPlot } from '$lib/charts/groupTrend';
import { linesPlot } from '$lib/charts/lines';
import { fidelityPlot } from '$lib/charts/fidelity';
import { scatterPlot } from '$lib/charts/scatter';
import { spinePlot, spinePosition } from '$lib/charts/spine';
import { timelinePlot } from '$lib/charts/timeline';
import { emphasisePanel, smallMultiplesPlot } from '$lib/charts/smallMultiples';
import { mapPlot, type MapRow } from '$lib/charts/map';
import { PALETTE } from '$lib/charts/theme';
import { trendPlot } from '$lib/charts/trend';
import { formatNumber } from '$lib/format';
import { employmentRate } from '$lib/metrics';
import { FIXTURES } from '../helpers.ts';

const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document };
const snapshot = (name: string) => join(import.meta.dirname, '__snapshots__', 'charts', `${name}.svg`);
/** The drawing's SVG (a plot with a legend is a figure holding the SVG). */
const svgOf = (drawing: Element) => (drawing.tagName.toLowerCase() === 'svg' ? drawing : drawing.querySelector('svg')!);

const CLASSES = ['Not served', '1 unit', '2 units', '3 units or more', 'No data'] as const;
const tile = (code: string, col: number, row: number, count: number | null): MapRow => ({ code, name: code, tile_col: col, tile_row: row, count, label: `${code}: ${count}` });

describe('plot functions', () => {
	it('trend: a line over the quarters, a gap where a quarter is missing, the reference as a dashed rule', async () => {
		const rows = ['2023-01-01', '2023-04-01', '2023-07-01', '2023-10-01'].map((quarter, i) => ({ quarter, value: i === 2 ? null : 0.3 + i / 20, numerator: null, denominator: null }));
		const drawing = trendPlot(employmentRate, rows, 'en', { document });
		const svg = svgOf(drawing);
		expect(svg.getAttribute('width')).toBe('360');
		// The missing quarter breaks the line into two pieces.
		expect(svg.querySelector('[aria-label="line"] path')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
		// The reference in the reference style (dotted grey, no data series' colour), named on the chart with its source (#21).
		const rule = svg.querySelector(`[aria-label="rule"][stroke="${PALETTE.reference}"]`)!;
		expect(rule.getAttribute('stroke-dasharray')).toBe('2,3');
		expect([PALETTE.series, ...PALETTE.categorical]).not.toContain(PALETTE.reference);
		expect(svg.querySelector('.reference-label text')!.textContent).toBe('55% · Bond et al. 2022');
		// The y axis says what its numbers are.
		expect(svg.querySelector('[aria-label="y-axis label"]')!.textContent).toContain('% of caseload');
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('trend'));
	});

	it('bar: a bar per group, the chosen one in colour, a dash for a missing value, ":" for a withheld one', async () => {
		const rows = [
			{ key: 'a', label: 'Alpha', value: 0.5 },
			{ key: 'b', label: 'Beta', value: 1.25 },
			{ key: 'c', label: 'Gamma', value: null },
			{ key: 'd', label: 'Delta', value: null, suppressed: true },
		];
		const drawing = barPlot(rows, { document, format: (v) => formatNumber('en', v, 2), reference: 1, highlight: 'b' });
		const bars = [...drawing.querySelectorAll('[aria-label="bar"] rect')];
		expect(bars.map((b) => b.getAttribute('fill'))).toEqual([PALETTE.context, PALETTE.series]);
		expect([...drawing.querySelectorAll('[aria-label="text"] text')].map((t) => t.textContent)).toEqual(['0.50', '1.25', '–', ':']);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('bar'));
	});

	it('group trend: one panel per measure, the highlighted group in colour over the others in grey', async () => {
		const rows = ['2024-01-01', '2024-04-01', '2024-07-01'].flatMap((quarter, i) =>
			['North', 'South', 'Country'].flatMap((group, g) =>
				['Municipalities', 'Inhabitants'].map((panel) => ({ quarter, group, panel, value: (i + g + 1) / 10 })),
			),
		);
		const drawing = groupTrendPlot(rows, { document, highlight: 'Country', format: (v) => formatNumber('en', v, 0, 'percent') });
		expect([...drawing.querySelectorAll('[aria-label="fx-axis tick label"] text')].map((t) => t.textContent)).toEqual(['Municipalities', 'Inhabitants']);
		// Per panel: a grey line for each group, the highlighted one in colour, thicker, and drawn last (on top).
		const panels = [...drawing.querySelectorAll('[aria-label="line"] > g')];
		expect(panels).toHaveLength(2);
		for (const panel of panels) {
			const lines = [...panel.querySelectorAll('path')];
			expect(panel.getAttribute('stroke')).toBe(PALETTE.context);
			expect(lines.map((l) => l.getAttribute('data-key'))).toEqual(['North', 'South', 'Country']);
			expect(lines.map((l) => l.getAttribute('stroke'))).toEqual([null, null, PALETTE.series]);
			expect(lines[2]!.getAttribute('stroke-width')).toBe('2.5');
		}
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('group-trend'));
	});

	// A filter change that moves only the highlight restyles the drawing (./emphasis.ts) instead of drawing it again.
	it('emphasis: restyling a drawing for another highlight gives what drawing it with that highlight gives', () => {
		const bars = [{ key: 'a', label: 'A', value: 0.5 }, { key: 'b', label: 'B', value: 1.25 }, { key: 'c', label: 'C', value: 2 }];
		const barOptions = { document, format: (v: number) => formatNumber('en', v, 2) };
		const bar = barPlot(bars, { ...barOptions, highlight: 'b' });
		emphasiseBar(bar, 'c');
		expect(bar.outerHTML).toBe(barPlot(bars, { ...barOptions, highlight: 'c' }).outerHTML);
		emphasiseBar(bar, null);
		expect([...bar.querySelectorAll('[aria-label="bar"] rect')].map((r) => r.getAttribute('fill'))).toEqual([PALETTE.series, PALETTE.series, PALETTE.series]);

		const panels = ['N', 'S', 'E'].flatMap((group, g) => ['2024-01-01', '2024-04-01'].map((quarter, i) => ({ quarter, group, name: group, value: g + i })));
		const panelOptions = { document, format: String, columns: 2 };
		const multiples = smallMultiplesPlot(panels, { ...panelOptions, highlight: 'S' });
		emphasisePanel(multiples, 'E');
		expect(multiples.outerHTML).toBe(smallMultiplesPlot(panels, { ...panelOptions, highlight: 'E' }).outerHTML);

		const trend = ['2024-01-01', '2024-04-01'].flatMap((quarter, i) => ['North', 'South', 'Country'].map((group, g) => ({ quarter, group, panel: 'P', value: i + g })));
		const drawing = groupTrendPlot(trend, { document, highlight: 'Country', format: String });
		emphasiseGroup(drawing, 'North');
		const lines = [...drawing.querySelectorAll('[aria-label="line"] path')];
		// North now on top, in colour; Country back to the grey of the others.
		expect(lines.map((l) => [l.getAttribute('data-key'), l.getAttribute('stroke')])).toEqual([
			['South', null],
			['Country', null],
			['North', PALETTE.series],
		]);
	});

	it('map from boundaries: each municipality drawn with its colour class, code, words and one tab stop', async () => {
		const boundaries = JSON.parse(readFileSync(join(FIXTURES, 'reference-with-boundaries', 'boundaries.geojson'), 'utf8')) as Boundaries;
		const rows = [tile('A01', 0, 0, 0), tile('A02', 1, 0, 1), tile('B01', 0, 1, 2), tile('B02', 1, 1, 5)];
		const drawing = mapPlot(rows, { document, boundaries: boundaries.features, classes: CLASSES, highlight: 'B01' });
		const shapes = [...drawing.querySelectorAll('[aria-label="geo"] [data-code]')];
		expect(shapes.map((s) => [s.getAttribute('data-code'), s.getAttribute('fill'), s.getAttribute('tabindex')])).toEqual([
			['A01', PALETTE.served[0], '0'],
			['A02', PALETTE.served[1], '-1'],
			['B01', PALETTE.served[2], '-1'],
			['B02', PALETTE.served[3], '-1'],
		]);
		expect(shapes[3]!.getAttribute('aria-label')).toBe('B02: 5');
		// The legend lists the four classes drawn; "No data" only where data are missing.
		expect([...drawing.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toEqual(CLASSES.slice(0, 4));
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('map-geo'));
	});

	it('map from boundaries drawn again for other counts of the same municipalities: the drawing Plot makes of them, recoloured', () => {
		const boundaries = JSON.parse(readFileSync(join(FIXTURES, 'reference-with-boundaries', 'boundaries.geojson'), 'utf8')) as Boundaries;
		const codes = ['A01', 'A02', 'B01', 'B02'];
		const before = codes.map((code, i) => tile(code, i % 2, i >> 1, i));
		const after = codes.map((code, i) => tile(code, i % 2, i >> 1, 3 - i));
		const options = { document, boundaries: boundaries.features, classes: CLASSES };
		const first = mapPlot(before, options);
		const firstHtml = first.outerHTML;
		const again = mapPlot(after, options);
		// Drawn fresh in another document, where no drawing is kept.
		const other = (parseHTML('<!doctype html><html><body></body></html>') as unknown as { document: Document }).document;
		expect(again.outerHTML).toBe(mapPlot(after, { ...options, document: other }).outerHTML);
		expect([...again.querySelectorAll('[aria-label="geo"] [data-code]')].map((s) => [s.getAttribute('fill'), s.getAttribute('aria-label')])).toEqual([
			[PALETTE.served[3], 'A01: 3'],
			[PALETTE.served[2], 'A02: 2'],
			[PALETTE.served[1], 'B01: 1'],
			[PALETTE.served[0], 'B02: 0'],
		]);
		// A copy: the drawing given before is as it was.
		expect(again).not.toBe(first);
		expect(first.outerHTML).toBe(firstHtml);
		// Missing data outline their municipality and add "No data" to the legend: drawn, not recoloured.
		const missing = mapPlot([tile('A01', 0, 0, null), ...after.slice(1)], options);
		expect(missing.outerHTML).toBe(mapPlot([tile('A01', 0, 0, null), ...after.slice(1)], { ...options, document: other }).outerHTML);
		expect([...missing.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toContain('No data');
	});

	it('map as a tile grid where there are no boundaries, missing data apart from "not served"', async () => {
		const rows = [tile('T1', 0, 0, 0), tile('T2', 1, 0, null), tile('T3', 0, 1, 1), tile('T4', 2, 1, 3)];
		const drawing = mapPlot(rows, { document, boundaries: null, classes: CLASSES });
		const cells = [...drawing.querySelectorAll('[aria-label="cell"] [data-code]')];
		expect(cells.map((c) => [c.getAttribute('data-code'), c.getAttribute('fill')])).toEqual([
			['T1', PALETTE.served[0]],
			['T2', PALETTE.missing],
			['T3', PALETTE.served[1]],
			['T4', PALETTE.served[3]],
		]);
		expect([...drawing.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toContain('No data');
		expect(drawing.querySelector('[aria-label="geo"]')).toBeNull();
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('map-tiles'));
	});

	it('lines: a colour per series with a legend, the benchmark levels as labelled rules, a gap and ":" for a withheld quarter, a dot for a lone value', async () => {
		const quarters = ['2024-01-01', '2024-04-01', '2024-07-01'];
		const rows = quarters.flatMap((quarter, i) => [
			{ quarter, series: 'Municipal', value: 0.3 + i / 20 },
			{ quarter, series: 'Joint', value: i === 1 ? null : 0.2, suppressed: i === 1 },
		]);
		const levels = [{ value: 0.31, label: 'minimal' }, { value: 0.41, label: 'average' }, { value: 0.5, label: 'excellent' }];
		const drawing = linesPlot(rows, { document, format: (v) => formatNumber('en', v, 0, 'percent'), levels });
		expect([...drawing.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toEqual(['Municipal', 'Joint']);
		const lines = [...drawing.querySelectorAll('[aria-label="line"] path')];
		expect(lines.map((l) => l.getAttribute('stroke'))).toEqual([PALETTE.categorical[0], PALETTE.categorical[1]]);
		expect(lines[1]!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
		expect([...drawing.querySelectorAll('[aria-label="text"]:not(.suppressed-mark) text')].map((t) => t.textContent)).toEqual(['minimal 31%', 'average 41%', 'excellent 50%']);
		// The withheld quarter: one ":" in Joint's colour at its place on the axis, never a point at zero.
		const signs = [...drawing.querySelectorAll('.suppressed-mark text')];
		expect(signs.map((t) => [t.textContent, t.getAttribute('fill')])).toEqual([[':', PALETTE.categorical[1]]]);
		// Joint's two values either side of it have no neighbour: each is a dot.
		expect(drawing.querySelectorAll('[aria-label="dot"] circle')).toHaveLength(2);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('lines'));
	});

	it('lines: the words of levels that lie close are spread a line apart, each rule where its value is (#21: "IPS, N. Norway 45 %" over "public jobs 27 %")', () => {
		const rows = ['2024-01-01', '2024-04-01'].map((quarter, i) => ({ quarter, series: 'Unit', value: i ? 3.5 : 0.2 }));
		const levels = [{ value: 0.45, label: 'IPS, N. Norway' }, { value: 0.27, label: 'public jobs' }];
		const drawing = linesPlot(rows, { document, format: (v) => formatNumber('en', v, 0, 'percent'), levels });
		const yOf = (node: Element) => Number(/translate\([^,]+,([^)]+)\)/.exec(node.getAttribute('transform') ?? '')?.[1] ?? node.getAttribute('y'));
		const words = [...drawing.querySelectorAll('.reference-label text')].map(yOf);
		expect(words).toHaveLength(2);
		expect(Math.abs(words[0]! - words[1]!)).toBeGreaterThanOrEqual(14 - 1e-9);
		// The rules themselves stay at 45 % and 27 %: 18 points apart, on a scale to 350 % less than a line.
		const rules = [...drawing.querySelectorAll('[aria-label="rule"] line')].map((l) => Number(l.getAttribute('y1'))).filter((y, i, all) => all.indexOf(y) === i);
		expect(rules.length).toBeGreaterThanOrEqual(2);
	});

	it('small multiples: a panel per group with its title, the reference in grey in each, the chosen panel framed', async () => {
		const quarters = ['2024-01-01', '2024-04-01'];
		const rows = ['N', 'S', 'E'].flatMap((group, g) => quarters.map((quarter, i) => ({ quarter, group, name: `Region ${group}`, value: g + i })));
		const drawing = smallMultiplesPlot(rows, { document, format: (v) => String(v), reference: quarters.map((quarter) => ({ quarter, value: 1 })), highlight: 'S', columns: 2 });
		// Plot draws facet by facet, so titles come in the panels' order, not the rows'.
		expect([...drawing.querySelectorAll('[aria-label="text"] text')].map((t) => t.textContent).sort()).toEqual(['Region E', 'Region N', 'Region S']);
		expect(drawing.querySelectorAll(`[aria-label="line"] [stroke="${PALETTE.context}"] path, [aria-label="line"] path[stroke="${PALETTE.context}"]`).length).toBe(3);
		expect([...drawing.querySelectorAll('[aria-label="rect"] rect')].map((r) => r.getAttribute('stroke')).sort()).toEqual([PALETTE.series, PALETTE.grid, PALETTE.grid].sort());
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('small-multiples'));
	});

	it('scatter: points, bands kept within the x domain, and the fitted line across the points', async () => {
		const points = [{ x: 70, y: 0.2, label: 'a' }, { x: 90, y: 0.3, label: 'b' }, { x: 110, y: 0.45, label: 'c' }];
		const drawing = scatterPlot(points, {
			document,
			xDomain: [60, 125],
			xFormat: String,
			yFormat: (v) => formatNumber('en', v, 0, 'percent'),
			bands: [{ from: 25, to: 74, label: 'not IPS' }, { from: 74, to: 100, label: 'fair' }],
			fit: { slope: 0.00625, intercept: -0.25 },
		});
		// The points: one translucent path, a circle (two arcs) a point, left to right as given (x 70, 90, 110 over 60-125).
		const dots = [...drawing.querySelectorAll('[aria-label="dot"] path')];
		expect(dots.map((p) => [p.getAttribute('fill'), p.getAttribute('fill-opacity')])).toEqual([[PALETTE.series, '0.7']]);
		const starts = [...dots[0]!.getAttribute('d')!.matchAll(/M([\d.]+),([\d.]+)a3\.5,3\.5 0 1,0 7,0a3\.5,3\.5 0 1,0 -7,0/g)].map((m) => [Number(m[1]), Number(m[2])]);
		expect(starts).toHaveLength(3);
		const xs = starts.map(([x]) => x! + 3.5);
		// Evenly spaced in x (70, 90, 110), rising in y (20 %, 30 %, 45 %: smaller pixel y is higher).
		expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 1);
		expect(starts[0]![1]).toBeGreaterThan(starts[1]![1]!);
		expect(starts[1]![1]).toBeGreaterThan(starts[2]![1]!);
		// The first band starts at the domain's 60, not at 25, so it never spills past the axis.
		const [first] = [...drawing.querySelectorAll('[aria-label="rect"] rect')];
		expect(Number(first!.getAttribute('x'))).toBeGreaterThanOrEqual(48);
		expect(drawing.querySelector('[aria-label="line"] path')!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('scatter'));
	});

	it('funnel: units against their size, the target, limits at 95 % (dashed) and 99.8 %, units outside and the chosen one labelled', async () => {
		const limits = [10, 50, 100].map((n) => ({ n, lower95: 0.4 - 1 / n, upper95: 0.4 + 1 / n, lower998: 0.4 - 2 / n, upper998: 0.4 + 2 / n }));
		const points = [
			{ id: 'a', n: 20, rate: 0.42, label: 'Alpha', flag: 'within' as const, z: 0.2 },
			{ id: 'b', n: 80, rate: 0.9, label: 'Beta', flag: 'above' as const, z: 9 },
			{ id: 'c', n: 60, rate: 0.05, label: 'Gamma', flag: 'below' as const, z: -6 },
			{ id: 'd', n: 40, rate: 0.3, label: 'Delta', flag: 'within' as const, z: -1.2 },
		];
		const drawing = funnelPlot(points, { document, target: 0.4, limits, format: (v) => formatNumber('en', v, 0, 'percent'), xLabel: 'Participants', highlight: 'a' });
		expect(drawing.querySelectorAll('[aria-label="line"]')).toHaveLength(4);
		expect(drawing.querySelectorAll('[aria-label="line"][stroke-dasharray="4,3"]')).toHaveLength(2);
		// The axis runs from 0 (Gamma at 5 %) to the top of what is drawn (Beta at 90 %), not always to 100 %.
		expect([...drawing.querySelectorAll('[aria-label="y-axis tick label"] text')].map((t) => t.textContent).at(-1)).toBe('90%');
		// The units' dots: a path per colour, a circle (two arcs) per unit; those within the limits first, those outside over them.
		const [units, ring] = [...drawing.querySelectorAll('[aria-label="dot"]')];
		const paths = [...units!.querySelectorAll('path')];
		expect(paths.map((p) => p.getAttribute('fill'))).toEqual([PALETTE.series, PALETTE.highlight]);
		expect(paths.map((p) => p.getAttribute('d')!.match(/M/g)!.length)).toEqual([2, 2]);
		// Alpha (n = 20, 42 %) is a circle of radius 3.5 about its place on the scales, as its ring is.
		const [alphaX, alphaY] = [Number(ring!.querySelector('circle')!.getAttribute('cx')), Number(ring!.querySelector('circle')!.getAttribute('cy'))];
		const [startX, startY] = /^M([\d.]+),([\d.]+)a3\.5,3\.5 0 1,0 7,0a3\.5,3\.5 0 1,0 -7,0/.exec(paths[0]!.getAttribute('d')!)!.slice(1).map(Number);
		expect(startX! + 3.5).toBeCloseTo(alphaX, 1);
		expect(startY).toBeCloseTo(alphaY, 1);
		expect(ring!.querySelectorAll('circle')).toHaveLength(1);
		expect([...drawing.querySelectorAll('[aria-label="text"] text')].map((t) => t.textContent)).toEqual(['Alpha: 42% (n = 20)', 'Beta', 'Gamma']);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('funnel'));
	});

	it('funnel: names of flagged units that would overlap are spread at least a line apart, each joined to its dot (#21)', () => {
		// Worked by hand: wanted 100, 102, 104 with a gap of 14 become 100, 114, 128; near the bottom (300), 290 and 295 become 286 and 300.
		expect(spreadLabels([104, 100, 102], 14, 0, 300)).toEqual([128, 100, 114]);
		expect(spreadLabels([290, 295], 14, 0, 300)).toEqual([286, 300]);
		expect(spreadLabels([50, 200], 14, 0, 300)).toEqual([50, 200]);
		const limits = [20, 60, 100].map((n) => ({ n, lower95: 0.2, upper95: 0.6, lower998: 0.1, upper998: 0.7 }));
		const low = ['Ale', 'Bjuv', 'Dals-Ed', 'Eda'].map((label, i) => ({ id: label, n: 30 + i, rate: 0.02 + i * 0.002, label, flag: 'below' as const, z: -5 + i * 0.1 }));
		const drawing = funnelPlot(low, { document, target: 0.4, limits, format: (v) => formatNumber('en', v, 0, 'percent'), xLabel: 'Participants' });
		const ys = [...drawing.querySelectorAll('.funnel-label text')].map((t) => Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute('transform') ?? '')?.[1] ?? t.getAttribute('y'))).sort((a, b) => a - b);
		expect(ys).toHaveLength(4);
		for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
		expect(drawing.querySelectorAll('[aria-label="link"] path, [aria-label="link"] line')).toHaveLength(3);
	});

	it('funnel: names only as many flagged units as fit a line apart, furthest out first, the chosen one always; the rest stay inside the plot', () => {
		// 320 px high, margins 20 and 36: 264 px, room for 18 names 14 px apart. Thirty units below, z from -4.0 to -6.9.
		const limits = [20, 60, 100].map((n) => ({ n, lower95: 0.2, upper95: 0.6, lower998: 0.1, upper998: 0.7 }));
		const low = Array.from({ length: 30 }, (_, i) => ({ id: `u${i}`, n: 30 + i, rate: 0.02, label: `Unit ${i}`, flag: 'below' as const, z: -4 - i * 0.1 }));
		const chosen = { id: 'mine', n: 50, rate: 0.4, label: 'Mine', flag: 'within' as const, z: 0 };
		expect(namedInFunnel(low, null).map((p) => p.id)).toEqual(Array.from({ length: 18 }, (_, i) => `u${i + 12}`));
		// The chosen unit takes one of the 18: the 17 furthest out beside it.
		expect(namedInFunnel([...low, chosen], 'mine').map((p) => p.id)).toEqual([...Array.from({ length: 17 }, (_, i) => `u${i + 13}`), 'mine']);
		const drawing = funnelPlot([...low, chosen], { document, target: 0.4, limits, format: (v) => formatNumber('en', v, 0, 'percent'), xLabel: 'Participants', highlight: 'mine' });
		const texts = [...drawing.querySelectorAll('.funnel-label text')];
		expect(texts).toHaveLength(18);
		expect(texts.map((t) => t.textContent)).toContain('Mine: 40% (n = 50)');
		const ys = texts.map((t) => Number(/translate\([^,]+,([^)]+)\)/.exec(t.getAttribute('transform') ?? '')?.[1])).sort((a, b) => a - b);
		// Every name between the plot's top and bottom (20 and 284), none over the title above it.
		expect(ys[0]).toBeGreaterThanOrEqual(20);
		expect(ys.at(-1)).toBeLessThanOrEqual(284);
	});

	it('step: a stepped survival curve per stratum with its band, and a mark at each censoring', async () => {
		const { stepPlot } = await import('$lib/charts/step');
		const rows = [
			{ stratum: 'A', time: 0, survival: 1, lower: 1, upper: 1, censored: 0 },
			{ stratum: 'A', time: 365, survival: 0.75, lower: 0.5, upper: 0.9, censored: 1 },
			{ stratum: 'B', time: 0, survival: 1, lower: 1, upper: 1, censored: 0 },
			{ stratum: 'B', time: 730, survival: 0.5, lower: null, upper: null, censored: 0 },
		];
		const drawing = stepPlot(rows, { document, format: (v) => formatNumber('en', v, 0, 'percent'), xLabel: 'Years', level: 0.5 });
		expect([...drawing.querySelectorAll('[class$="-swatch"]')].map((s) => s.textContent)).toEqual(['A', 'B']);
		// One line per stratum; the band only where it exists; one censoring mark.
		expect(drawing.querySelectorAll('[aria-label="line"] path')).toHaveLength(2);
		expect(drawing.querySelectorAll('[aria-label="area"] path')).toHaveLength(2);
		// Plot's plus at (333.80, 81) for A's censoring at 365 days: arms of 3.677 pixels (d3's symbolPlus of area π·2.5²), stroked in A's colour.
		const marks = [...drawing.querySelectorAll('[aria-label="dot"] path, [aria-label="dot"] circle')];
		expect(marks.map((m) => [m.getAttribute('d'), m.getAttribute('stroke'), m.getAttribute('fill')])).toEqual([['M330.12,81h7.36M333.8,77.32v7.36', '#1f5a96', 'none']]);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('step'));
	});

	it('step: a time with censoring alone draws no point of its own, and the curve is the same drawing (#23)', async () => {
		const { stepPlot, stepsOnly } = await import('$lib/charts/step');
		const row = (stratum: string, time: number, survival: number, censored = 0) => ({ stratum, time, survival, lower: survival - 0.1, upper: Math.min(1, survival + 0.1), censored });
		// A: a drop at day 200; days 100, 300 and 400 censor only. B: nothing but censoring.
		const rows = [row('A', 0, 1), row('A', 100, 1, 1), row('A', 200, 0.8), row('A', 300, 0.8, 1), row('A', 400, 0.8, 2), row('B', 0, 1), row('B', 50, 1, 1), row('B', 500, 1, 3)];
		// Worked out by hand: each stratum's first and last point, and A's drop.
		expect(stepsOnly(rows, ['survival']).map((r) => `${r.stratum}${r.time}`)).toEqual(['A0', 'A200', 'A400', 'B0', 'B500']);
		const kept = rows.filter((r) => ['A0', 'A200', 'A400', 'B0', 'B500'].includes(`${r.stratum}${r.time}`));
		const drawn = (rs: typeof rows) => stepPlot(rs, { document, format: String, xLabel: 'Years' });
		const paths = (drawing: Element, mark: string) => [...drawing.querySelectorAll(`[aria-label="${mark}"] path`)].map((p) => p.getAttribute('d'));
		const [all, steps] = [drawn(rows), drawn(kept)];
		expect(paths(all, 'line')).toEqual(paths(steps, 'line'));
		expect(paths(all, 'area')).toEqual(paths(steps, 'area'));
		expect(paths(all, 'line')[0]).toMatch(/^M[^M]+$/);
		// The censoring marks are all still drawn, one path a stratum: five times with censoring (A 100, 300, 400; B 50, 500), two arms each.
		const marks = [...all.querySelectorAll('[aria-label="dot"] path')].map((p) => p.getAttribute('d')!.match(/M/g)!.length / 2);
		expect(marks).toEqual([3, 2]);
	});

	it('step: censoring marks less than a pixel apart on one level are one mark (#23)', async () => {
		const { censorMarks } = await import('$lib/charts/step');
		const point = (stratum: string, years: number, survival: number, censored: number) => ({ stratum, years, survival, censored });
		// At 10 pixels a year: 0.01 and 0.04 years share column 0, 0.06 is column 1; 0.07 is column 1 too but lower; B's column 0 is its own.
		const points = [point('A', 0.01, 1, 1), point('A', 0.04, 1, 2), point('A', 0.05, 1, 0), point('A', 0.06, 1, 1), point('A', 0.07, 0.9, 1), point('B', 0.02, 1, 1)];
		expect(censorMarks(points, 10).map((p) => `${p.stratum}${p.years}`)).toEqual(['A0.01', 'A0.06', 'A0.07', 'B0.02']);
	});

	it('rounds what places a server drawing to a hundredth of a pixel, and nothing else (#23)', async () => {
		const { roundPositions } = await import('$lib/charts/serverDocument');
		const { document: doc } = parseHTML(
			'<svg width="640" viewBox="0 0 640 300"><g transform="translate(59.0602327173169,20)"><circle r="3.5" cx="338.4" cy="151.52453140607557"></circle><path d="M48,20L50.2516,-0.0049"></path><text x="1.005">0.123456</text></g></svg>',
		);
		const svg = doc.querySelector('svg')!;
		roundPositions(svg as unknown as Element);
		expect(svg.querySelector('g')!.getAttribute('transform')).toBe('translate(59.06,20)');
		expect(svg.querySelector('circle')!.getAttribute('cx')).toBe('338.4');
		expect(svg.querySelector('circle')!.getAttribute('cy')).toBe('151.52');
		expect(svg.querySelector('path')!.getAttribute('d')).toBe('M48,20L50.25,0');
		// 1.005 is 1.00499… as a double: a hundredth down.
		expect(svg.querySelector('text')!.getAttribute('x')).toBe('1');
		expect(svg.querySelector('text')!.textContent).toBe('0.123456');
		expect(svg.getAttribute('viewBox')).toBe('0 0 640 300');
		// No attribute added: each element has the ones it had.
		expect([...svg.querySelectorAll('*')].map((e) => e.getAttributeNames().join())).toEqual(['transform', 'r,cx,cy', 'd', 'x']);
	});

	it('timeline: a bar per period on the data\'s time axis, coloured by kind, an arrow where a period still runs', async () => {
		const rows = [
			{ label: 'Funding', from: '2018-03-01', to: '2020-01-01', kind: 'project' },
			{ label: 'Funding', from: '2020-01-01', to: null, kind: 'permanent' },
		];
		const kinds = [
			{ value: 'project', label: 'Project' },
			{ value: 'permanent', label: 'Permanent' },
		];
		const drawing = timelinePlot(rows, { document, start: '2017-01-01', end: '2022-01-01', kinds });
		const bars = [...drawing.querySelectorAll('[aria-label="bar"] rect')];
		expect(bars).toHaveLength(2);
		expect(bars.map((b) => b.getAttribute('fill'))).toEqual([PALETTE.categorical[0], PALETTE.categorical[1]]);
		expect(Number(bars[0]!.getAttribute('height'))).toBeGreaterThan(10);
		expect([...drawing.querySelectorAll('[aria-label="text"] text')].map((t) => t.textContent)).toEqual(['→']);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('timeline'));
	});

	it('fidelity: each review\'s score over the four level bands', async () => {
		const drawing = fidelityPlot(
			[
				{ reviewed_on: '2019-05-01', score: 72 },
				{ reviewed_on: '2021-05-01', score: 101 },
			],
			{ document, levels: { not_ips: 'not IPS', fair: 'fair', good: 'good', exemplary: 'exemplary' }, from: '2019-01-01', to: '2022-01-01' },
		);
		expect(drawing.querySelectorAll('[aria-label="rect"] rect')).toHaveLength(4);
		expect([...drawing.querySelectorAll('[aria-label="text"] text')].map((t) => t.textContent)).toEqual(['not IPS', 'fair', 'good', 'exemplary', '72', '101']);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('fidelity'));
	});

	it('spine: each measure scaled from the network\'s worst to its best unit, better to the right', async () => {
		// Lower is better for a wait: the shortest wait (10) is at the right.
		expect(spinePosition({ min: 10, max: 50, better: 'lower' }, 10)).toBe(1);
		expect(spinePosition({ min: 10, max: 50, better: 'lower' }, 20)).toBe(0.75);
		expect(spinePosition({ min: 0.2, max: 0.6, better: 'higher' }, 0.5)).toBeCloseTo(0.75, 12);
		expect(spinePosition({ min: 3, max: 3, better: 'higher' }, 3)).toBe(0.5);
		const rows = [
			{ label: 'Employment', value: 0.5, min: 0.2, q1: 0.3, median: 0.4, q3: 0.45, max: 0.6, better: 'higher' as const, text: '50%' },
			{ label: 'Mean wait', value: 20, min: 10, q1: 15, median: 25, q3: 30, max: 50, better: 'lower' as const, text: '20' },
		];
		const drawing = spinePlot(rows, { document, ends: ['worse', 'better'] });
		const dots = [...drawing.querySelectorAll('[aria-label="dot"] circle')].map((c) => Number(c.getAttribute('cx')));
		// Both dots at 0.75 of their rows: the same x.
		expect(dots).toHaveLength(2);
		expect(dots[0]).toBeCloseTo(dots[1]!, 6);
		expect([...drawing.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => t.textContent)).toEqual(['worse', 'better']);
		await expect(drawing.outerHTML).toMatchFileSnapshot(snapshot('spine'));
	});
});

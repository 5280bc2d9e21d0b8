/**
 * Many dots drawn as one path per colour, each dot a circle of the path
 * (two arcs), instead of an element each. At a hundred times the units a
 * funnel has thousands of dots and the fidelity scatter tens of thousands:
 * with an element each, the frame that showed a change on Compare sites
 * took 21-25 ms of style, layout and paint (13 ms as paths), and the
 * scatter's 21,000 circles, below the screen and not even redrawn, slowed
 * every change on Outcomes (a warm change's median 25-27 ms with them, 17
 * ms with the scatter hidden; 20-26 ms drawn as a path, on a noisier
 * machine). Overlapping dots of one path are
 * filled once: a translucent colour no longer darkens where they pile up.
 * The group keeps Plot's label for a dot mark, so tests and styles find it.
 */
import type * as Plot from '@observablehq/plot';

export interface DotPathStyle {
	r: number;
	/** The colours in the order drawn: a later colour's dots lie over an earlier one's. */
	fills: readonly string[];
	/** The colour of the dot at index i of the mark's data: one of `fills`. */
	fillOf: (i: number) => string;
	fillOpacity?: number;
	stroke: string;
	strokeWidth: number;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Pixels to two decimals: the path's text stays short. */
const round = (pixels: number) => Math.round(pixels * 100) / 100;

/** A Plot render function for a dot mark (Plot.dot(data, { x, y, render: dotPaths(…) })). */
export function dotPaths(style: DotPathStyle): Plot.RenderFunction {
	return (index, _scales, values, _dimensions, context) => {
		const [xs, ys] = [values.x!, values.y!] as [ArrayLike<number>, ArrayLike<number>];
		const r = style.r;
		const arcs = new Map(style.fills.map((fill) => [fill, [] as string[]]));
		for (const i of index) {
			arcs.get(style.fillOf(i))?.push(`M${round(xs[i]! - r)},${round(ys[i]!)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`);
		}
		const group = context.document.createElementNS(SVG, 'g');
		group.setAttribute('aria-label', 'dot');
		for (const [fill, d] of arcs) {
			if (!d.length) continue;
			const path = context.document.createElementNS(SVG, 'path');
			path.setAttribute('d', d.join(''));
			path.setAttribute('fill', fill);
			if (style.fillOpacity !== undefined) path.setAttribute('fill-opacity', String(style.fillOpacity));
			path.setAttribute('stroke', style.stroke);
			path.setAttribute('stroke-width', String(style.strokeWidth));
			group.append(path);
		}
		return group;
	};
}

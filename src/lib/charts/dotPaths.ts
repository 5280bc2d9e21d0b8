/**
 * Many dots drawn as one path per colour, each dot a symbol of the path,
 * instead of an element each. At a hundred times the units a funnel has
 * thousands of dots, the fidelity scatter tens of thousands and a survival
 * curve hundreds of censoring marks: with an element each, the frame that
 * showed a change on Compare sites took 21-25 ms of style, layout and
 * paint (13 ms as paths), and the scatter's 21,000 circles, below the
 * screen and not even redrawn, slowed every change on Outcomes (a warm
 * change's median 25-27 ms with them, 17 ms with the scatter hidden; 20-26
 * ms drawn as a path, on a noisier machine). Overlapping dots of one path
 * are filled once: a translucent colour no longer darkens where they pile
 * up. The group keeps Plot's label for a dot mark, so tests and styles
 * find it.
 */
import type * as Plot from '@observablehq/plot';

/** The path data of one symbol centred on (x, y), in pixels. */
export type DotSymbol = (x: number, y: number) => string;

export interface DotPathStyle {
	symbol: DotSymbol;
	/** The colours in the order drawn: a later colour's dots lie over an earlier one's. */
	colours: readonly string[];
	/** The colour of the dot at index i of the mark's data: one of `colours`. */
	colourOf: (i: number) => string;
	/** The attributes of a colour's path: a filled circle's fill and outline, a plus's stroke. */
	paint: (colour: string) => Record<string, string>;
}

const SVG = 'http://www.w3.org/2000/svg';

/** Pixels to two decimals: the path's text stays short. */
const round = (pixels: number) => Math.round(pixels * 100) / 100;

/** A circle of radius r, as two arcs. */
export function circle(r: number): DotSymbol {
	return (x, y) => `M${round(x - r)},${round(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

/**
 * Plot's `plus` symbol for a dot of radius r: d3's symbolPlus of area πr²,
 * whose arms reach 0.87559·√(πr² − min(πr²/7, 2)) pixels from the centre.
 */
export function plus(r: number): DotSymbol {
	const size = Math.PI * r * r;
	const arm = round(0.87559 * Math.sqrt(size - Math.min(size / 7, 2)));
	return (x, y) => `M${round(x - arm)},${round(y)}h${2 * arm}M${round(x)},${round(y - arm)}v${2 * arm}`;
}

/** A Plot render function for a dot mark (Plot.dot(data, { x, y, render: dotPaths(…) })). */
export function dotPaths(style: DotPathStyle): Plot.RenderFunction {
	return (index, _scales, values, _dimensions, context) => {
		const [xs, ys] = [values.x!, values.y!] as [ArrayLike<number>, ArrayLike<number>];
		const symbols = new Map(style.colours.map((colour) => [colour, [] as string[]]));
		for (const i of index) symbols.get(style.colourOf(i))?.push(style.symbol(xs[i]!, ys[i]!));
		const group = context.document.createElementNS(SVG, 'g');
		group.setAttribute('aria-label', 'dot');
		for (const [colour, d] of symbols) {
			if (!d.length) continue;
			const path = context.document.createElementNS(SVG, 'path');
			path.setAttribute('d', d.join(''));
			for (const [name, value] of Object.entries(style.paint(colour))) path.setAttribute(name, value);
			group.append(path);
		}
		return group;
	};
}

/**
 * The charts of a page, for a pack of them all (a unit's budget pack): a
 * page that offers one provides a ChartPack, and every Chart on it
 * registers how to give its standalone SVG and its CSV, the same files its
 * own download buttons give.
 */
import { getContext, setContext } from 'svelte';

export interface PackedChart {
	id: string;
	title: string;
	definition: string;
	footnote: string;
	/** The standalone SVG (title, legend, plot, footnote); null for a chart that is a table. */
	svg(): string | null;
	/** The plot alone, for a page that sets its own titles (the PDF). */
	plot(): SVGSVGElement | null;
	csv(): string;
}

const KEY = Symbol('chart-pack');

export class ChartPack {
	#charts = new Map<string, PackedChart>();

	register(chart: PackedChart): () => void {
		this.#charts.set(chart.id, chart);
		return () => this.#charts.delete(chart.id);
	}

	/** In the order of the page. */
	get charts(): PackedChart[] {
		return [...this.#charts.values()];
	}
}

export const providePack = (): ChartPack => setContext(KEY, new ChartPack());
export const packOf = (): ChartPack | undefined => getContext<ChartPack | undefined>(KEY);

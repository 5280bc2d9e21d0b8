/** What a budget pack is made of: the page's charts and the words around them, in the page's language. */
import type { PackedChart } from '$lib/charts/pack';

export interface KeyFigureLine {
	label: string;
	value: string;
	median: string;
	range: string;
}

export interface PackContent {
	/** The unit's name, and a line saying what it is and where. */
	title: string;
	subtitle: string;
	/** The key figures' table: its caption and column heads (measure, unit, median, range). */
	keyCaption: string;
	keyHeads: [string, string, string, string];
	keyFigures: KeyFigureLine[];
	charts: PackedChart[];
	/** The colours of the lines the charts share (the unit, its network, the nation), named once on the page. */
	legend: { label: string; color: string }[];
	/** The charts of the one-page PDF (and the printed page), by id. */
	pageCharts: readonly string[];
	/** Period and source, and when and where the pack was made. */
	source: string;
	generated: string;
	/** The file name without its extension. */
	fileName: string;
}

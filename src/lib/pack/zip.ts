/** The budget pack's archive: every chart as PNG (for slides), SVG (for print) and CSV (its rows). */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { svgToPng } from '$lib/charts/export';
import type { PackContent } from './types';

export async function packZip(content: PackContent): Promise<Blob> {
	const files: Zippable = {};
	for (const chart of content.charts) {
		files[`${chart.id}.csv`] = strToU8(chart.csv());
		const svg = chart.svg();
		if (!svg) continue;
		files[`${chart.id}.svg`] = strToU8(svg);
		files[`${chart.id}.png`] = [new Uint8Array(await (await svgToPng(svg)).arrayBuffer()), { level: 0 }];
	}
	return new Blob([zipSync(files, { level: 6 })], { type: 'application/zip' });
}

/**
 * The budget pack's slides: a title slide (the unit, what it is, when the
 * figures are from), the key figures as a table, then one slide per chart,
 * titled, with the chart as a sharp PNG (drawn at twice its size) and its
 * footnote below. pptxgenjs writes the package; it is loaded only when
 * slides are asked for.
 */
import PptxGenJS from 'pptxgenjs';
import { svgToPng } from '$lib/charts/export';
import type { PackContent } from './types';

const blobToDataUrl = (blob: Blob) =>
	new Promise<string>((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(reader.result as string);
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(blob);
	});

export async function packPptx(content: PackContent): Promise<Blob> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
	pptx.title = content.title;
	pptx.company = 'IPS Monitor';
	const FONT = { fontFace: 'Arial', color: '1B1F24' };

	const title = pptx.addSlide();
	title.addText(content.title, { x: 0.6, y: 1.5, w: 8.8, h: 0.9, fontSize: 32, bold: true, ...FONT });
	title.addText(content.subtitle, { x: 0.6, y: 2.45, w: 8.8, h: 1.3, fontSize: 14, valign: 'top', ...FONT, color: '444C56' });
	title.addText(`${content.source}\n${content.generated}`, { x: 0.6, y: 4.4, w: 8.8, h: 0.8, fontSize: 10, ...FONT, color: '444C56' });

	const key = pptx.addSlide();
	key.addText(content.keyCaption, { x: 0.4, y: 0.2, w: 9.2, h: 0.6, fontSize: 20, bold: true, ...FONT });
	const head = content.keyHeads.map((text) => ({ text, options: { bold: true, fill: { color: 'F6F8FA' } } }));
	const body = content.keyFigures.map((f) => [f.label, f.value, f.median, f.range].map((text, i) => ({ text, options: { align: i === 0 ? 'left' : 'right' } as const })));
	key.addTable([head, ...body], { x: 0.4, y: 1.0, w: 9.2, colW: [3.8, 1.6, 1.6, 2.2], fontSize: 13, ...FONT, border: { type: 'solid', pt: 0.5, color: 'D0D7DE' } });

	for (const chart of content.charts) {
		const svg = chart.svg();
		if (!svg) continue;
		const plot = chart.plot();
		const slide = pptx.addSlide();
		slide.addText(`${content.title}: ${chart.title}`, { x: 0.4, y: 0.2, w: 9.2, h: 0.6, fontSize: 20, bold: true, color: '1B1F24', fontFace: 'Arial' });
		const png = await blobToDataUrl(await svgToPng(svg));
		// The standalone SVG's size, kept in proportion within the slide.
		const size = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
		const [w, h] = [Number(size.getAttribute('width')) || Number(plot?.getAttribute('width')) || 640, Number(size.getAttribute('height')) || 300];
		const scale = Math.min(9.2 / w, 4.1 / h);
		slide.addImage({ data: png, x: 0.4 + (9.2 - w * scale) / 2, y: 0.85, w: w * scale, h: h * scale, altText: chart.definition });
		slide.addText(chart.footnote, { x: 0.4, y: 5.0, w: 9.2, h: 0.45, fontSize: 9, color: '444C56', fontFace: 'Arial' });
	}
	return (await pptx.write({ outputType: 'blob' })) as Blob;
}

/**
 * Downloads of a chart: SVG and PNG carry the title, definition and footnote
 * with the plot, so a slide shows what it is; CSV holds exactly the rows drawn.
 */
import { csvLine } from '../../../pipelines/read/csv.ts';

export interface ExportText {
	title: string;
	subtitle: string;
	footnote: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** A standalone SVG document: the plot with its title above and footnote below. */
export function composeSvg(plot: SVGSVGElement, text: ExportText): string {
	const width = Number(plot.getAttribute('width')) || 360;
	const height = Number(plot.getAttribute('height')) || 170;
	const top = 56;
	const bottom = 28;
	const svg = document.createElementNS(SVG_NS, 'svg');
	svg.setAttribute('xmlns', SVG_NS);
	svg.setAttribute('width', String(width + 32));
	svg.setAttribute('height', String(height + top + bottom));
	svg.setAttribute('viewBox', `0 0 ${width + 32} ${height + top + bottom}`);
	svg.setAttribute('font-family', FONT);
	const background = document.createElementNS(SVG_NS, 'rect');
	Object.entries({ width: '100%', height: '100%', fill: '#ffffff' }).forEach(([k, v]) => background.setAttribute(k, v));
	svg.append(background);
	const line = (content: string, y: number, size: number, weight = 'normal', fill = '#1b1f24') => {
		const node = document.createElementNS(SVG_NS, 'text');
		Object.entries({ x: '16', y: String(y), 'font-size': String(size), 'font-weight': weight, fill }).forEach(([k, v]) => node.setAttribute(k, v));
		node.textContent = content;
		svg.append(node);
	};
	line(text.title, 24, 16, 'bold');
	line(text.subtitle, 44, 11, 'normal', '#444c56');
	const copy = plot.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('x', '16');
	copy.setAttribute('y', String(top));
	svg.append(copy);
	line(text.footnote, top + height + 20, 10, 'normal', '#444c56');
	return new XMLSerializer().serializeToString(svg);
}

/** Draws an SVG on a white canvas at twice its size (sharp on slides) and returns a PNG. */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = image.naturalWidth * scale;
		canvas.height = image.naturalHeight * scale;
		const context = canvas.getContext('2d')!;
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** CSV of the rows drawn; cells that a spreadsheet would run as formulas are neutralised. */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
	return csvLine(columns) + rows.map((row) => csvLine(row)).join('');
}

export function saveFile(name: string, content: Blob | string, type: string) {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

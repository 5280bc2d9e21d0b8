/**
 * Downloads of a chart: SVG and PNG carry the title, definition, legend and
 * footnote with the plot, so a slide shows what it is. (CSV: $lib/contract/csv.)
 */

export interface ExportText {
	title: string;
	subtitle: string;
	footnote: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** A legend entry of Plot's swatches (HTML beside the SVG): its colour and label. */
function swatches(drawing: Element): { fill: string; label: string }[] {
	return [...drawing.querySelectorAll('[class$="-swatch"]')].map((swatch) => ({
		fill: swatch.querySelector('rect, circle, path')?.getAttribute('fill') ?? '#888888',
		label: swatch.textContent?.trim() ?? '',
	}));
}

/** A standalone SVG document: the chart's title above; the plot and its legend; the footnote below. */
export function composeSvg(drawing: Element, text: ExportText): string {
	const plot = [...drawing.querySelectorAll('svg')].find((svg) => !svg.closest('[class$="-swatch"]'))!;
	const width = Number(plot.getAttribute('width')) || 360;
	const height = Number(plot.getAttribute('height')) || 170;
	const legend = swatches(drawing);
	const top = 56 + (legend.length ? 22 : 0);
	const bottom = 28;
	const svg = document.createElementNS(SVG_NS, 'svg');
	const element = (name: string, attributes: Record<string, string>) => {
		const node = document.createElementNS(SVG_NS, name);
		for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
		svg.append(node);
		return node;
	};
	const size = { width: String(width + 32), height: String(height + top + bottom) };
	Object.entries({ xmlns: SVG_NS, ...size, viewBox: `0 0 ${size.width} ${size.height}`, 'font-family': FONT }).forEach(([k, v]) => svg.setAttribute(k, v));
	element('rect', { width: '100%', height: '100%', fill: '#ffffff' });
	const line = (content: string, x: number, y: number, fontSize: number, weight = 'normal', fill = '#1b1f24') => {
		element('text', { x: String(x), y: String(y), 'font-size': String(fontSize), 'font-weight': weight, fill }).textContent = content;
	};
	line(text.title, 16, 24, 16, 'bold');
	line(text.subtitle, 16, 44, 11, 'normal', '#444c56');
	let x = 16;
	for (const entry of legend) {
		element('rect', { x: String(x), y: '56', width: '12', height: '12', fill: entry.fill, stroke: '#6e7781' });
		line(entry.label, x + 16, 66, 11);
		x += 28 + entry.label.length * 6.5;
	}
	const copy = plot.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('x', '16');
	copy.setAttribute('y', String(top));
	svg.append(copy);
	line(text.footnote, 16, top + height + 20, 10, 'normal', '#444c56');
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

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

/**
 * A legend entry of Plot's swatches (HTML beside the SVG): its colour and
 * label. Plot puts the colour on the swatch's own <svg> (fill, or stroke for
 * a line), not on the shape inside it.
 */
function swatches(drawing: Element): { fill: string; label: string }[] {
	const paint = (node: Element) =>
		[node, ...node.querySelectorAll('*')]
			.flatMap((n) => [n.getAttribute('fill'), n.getAttribute('stroke')])
			.find((c): c is string => !!c && c !== 'none' && c !== 'currentColor');
	return [...drawing.querySelectorAll('[class$="-swatch"]')].map((swatch) => ({
		fill: paint(swatch.querySelector('svg') ?? swatch) ?? '#888888',
		label: swatch.textContent?.trim() ?? '',
	}));
}

/** A drawing's plot: the drawing itself, or the svg of a plot with a legend (a figure that also holds the swatches' little svgs). */
export function plotOf(drawing: Element): Element | undefined {
	return drawing.tagName.toLowerCase() === 'svg' ? drawing : [...drawing.querySelectorAll('svg')].find((svg) => !svg.closest('[class$="-swatch"]'));
}

/** A rough width of text in the export's sans-serif: wide enough never to run past the edge (an average glyph is about 0.55 em). */
export const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.6;

/** Words broken into lines no wider than `width`. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && textWidth(next, fontSize) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

/**
 * A standalone SVG document: the chart's title and definition above, wrapped
 * to the width; its legend, in the series' colours, in as many rows as it
 * needs; the plot; the footnote below, wrapped too. Nothing runs past the edge.
 */
export function composeSvg(drawing: Element, text: ExportText): string {
	const plot = plotOf(drawing)!;
	const plotWidth = Number(plot.getAttribute('width')) || 360;
	const height = Number(plot.getAttribute('height')) || 170;
	const margin = 16;
	const width = plotWidth + 2 * margin;
	const inner = width - 2 * margin;
	const svg = document.createElementNS(SVG_NS, 'svg');
	const element = (name: string, attributes: Record<string, string>) => {
		const node = document.createElementNS(SVG_NS, name);
		for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
		svg.append(node);
		return node;
	};
	element('rect', { width: '100%', height: '100%', fill: '#ffffff' });
	const write = (content: string, x: number, y: number, fontSize: number, weight = 'normal', fill = '#1b1f24') => {
		element('text', { x: String(x), y: String(y), 'font-size': String(fontSize), 'font-weight': weight, fill }).textContent = content;
	};
	/** Writes `content` wrapped from baseline `y`; returns the baseline after it. */
	const paragraph = (content: string, y: number, fontSize: number, weight = 'normal', fill = '#1b1f24') => {
		for (const line of wrapText(content, inner, fontSize)) {
			write(line, margin, y, fontSize, weight, fill);
			y += Math.round(fontSize * 1.35);
		}
		return y;
	};
	let y = paragraph(text.title, 24, 16, 'bold');
	y = paragraph(text.subtitle, y, 11, 'normal', '#444c56') + 4;
	// The legend: a swatch in its series' colour and its label, onto a new row where the next would not fit.
	let x = margin;
	for (const entry of swatches(drawing)) {
		const entryWidth = 16 + textWidth(entry.label, 11);
		if (x > margin && x + entryWidth > width - margin) {
			x = margin;
			y += 18;
		}
		element('rect', { x: String(x), y: String(y - 10), width: '12', height: '12', fill: entry.fill, stroke: '#6e7781', class: 'legend-swatch' });
		write(entry.label, x + 16, y, 11);
		x += entryWidth + 12;
	}
	const top = (x > margin ? y + 10 : y - 8) + 4;
	const copy = plot.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('x', String(margin));
	copy.setAttribute('y', String(top));
	svg.append(copy);
	const end = paragraph(text.footnote, top + height + 20, 10, 'normal', '#444c56');
	const size = { width: String(width), height: String(end) };
	Object.entries({ xmlns: SVG_NS, ...size, viewBox: `0 0 ${size.width} ${size.height}`, 'font-family': FONT }).forEach(([k, v]) => svg.setAttribute(k, v));
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

/**
 * Hands a file to the browser's downloads. The object URL is kept for 40 s, as
 * FileSaver.js does: a busy browser may begin reading it well after the click,
 * and a URL revoked before then gives no download at all, silently (a CSV
 * click on a loaded two-core machine once did exactly that after 1 s).
 */
export function saveFile(name: string, content: Blob | string, type: string) {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 40_000);
}

/**
 * The budget pack's one A4 page, made in the browser: the unit's name, its
 * key figures, six charts as vectors (svg2pdf.js draws each SVG as PDF
 * paths and text, so it prints sharp at any size), the period and the source.
 */
import { jsPDF } from 'jspdf';
import 'svg2pdf.js';
import type { PackContent } from './types';

const PAGE = { width: 210, height: 297, margin: 12 };

/**
 * The PDF's standard fonts write WinAnsi only: Swedish letters are in it,
 * but not the minus sign or the narrow spaces Intl uses, so those are
 * written as their nearest WinAnsi characters.
 */
export const pdfText = (text: string) =>
	text
		.replace(/\u2212/g, '-')
		.replace(/[\u202f\u2009\u2007]/g, ' ')
		.replace(/[φ]/g, 'phi')
		.replace(/[τ]/g, 'tau');

export async function packPdf(content: PackContent): Promise<Blob> {
	const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait' });
	const inner = PAGE.width - 2 * PAGE.margin;
	let y = PAGE.margin + 6;
	doc.setFont('helvetica', 'bold').setFontSize(16).text(pdfText(content.title), PAGE.margin, y);
	y += 6;
	doc.setFont('helvetica', 'normal').setFontSize(8.5).setTextColor(68, 76, 86);
	const subtitle = doc.splitTextToSize(pdfText(content.subtitle), inner) as string[];
	doc.text(subtitle, PAGE.margin, y);
	y += subtitle.length * 3.6 + 2;

	// Key figures: a small table.
	doc.setTextColor(27, 31, 36).setFont('helvetica', 'bold').setFontSize(9).text(pdfText(content.keyCaption), PAGE.margin, y);
	y += 4.5;
	const columns = [PAGE.margin, PAGE.margin + 70, PAGE.margin + 105, PAGE.margin + 140];
	doc.setFontSize(8);
	content.keyHeads.forEach((head, i) => doc.text(pdfText(head), columns[i]!, y));
	doc.setFont('helvetica', 'normal');
	for (const line of content.keyFigures) {
		y += 4;
		[line.label, line.value, line.median, line.range].forEach((cell, i) => doc.text(pdfText(cell), columns[i]!, y));
	}
	y += 5;

	// The lines' colours, once for all charts.
	let x = PAGE.margin;
	doc.setFont('helvetica', 'normal').setFontSize(8);
	for (const entry of content.legend) {
		doc.setDrawColor(entry.color).setLineWidth(0.8).line(x, y - 1, x + 6, y - 1);
		doc.setTextColor(27, 31, 36).text(pdfText(entry.label), x + 8, y);
		x += 14 + doc.getTextWidth(pdfText(entry.label));
	}
	y += 5;

	// The charts, two by two, each with its title above.
	const charts = content.pageCharts.map((id) => content.charts.find((c) => c.id === id)).filter((c) => c !== undefined);
	const gap = 6;
	const cellWidth = (inner - gap) / 2;
	const footer = 16;
	const rows = Math.ceil(charts.length / 2);
	const cellHeight = (PAGE.height - PAGE.margin - footer - y) / Math.max(rows, 1);
	for (const [i, chart] of charts.entries()) {
		const x = PAGE.margin + (i % 2) * (cellWidth + gap);
		const top = y + Math.floor(i / 2) * cellHeight;
		doc.setFont('helvetica', 'bold').setFontSize(8.5).setTextColor(27, 31, 36);
		doc.text(doc.splitTextToSize(pdfText(chart.title), cellWidth)[0] as string, x, top + 3);
		const svg = chart.plot();
		if (!svg) continue;
		const [w, h] = [Number(svg.getAttribute('width')) || 640, Number(svg.getAttribute('height')) || 260];
		const room = { width: cellWidth, height: cellHeight - 8 };
		const scale = Math.min(room.width / w, room.height / h);
		await doc.svg(svg, { x, y: top + 5, width: w * scale, height: h * scale });
	}

	doc.setFont('helvetica', 'normal').setFontSize(7.5).setTextColor(68, 76, 86);
	const source = doc.splitTextToSize(pdfText(content.source), inner) as string[];
	doc.text(source, PAGE.margin, PAGE.height - PAGE.margin - 6);
	doc.text(pdfText(content.generated), PAGE.margin, PAGE.height - PAGE.margin + 2);
	doc.setProperties({ title: pdfText(content.title), subject: pdfText(content.subtitle), creator: 'IPS Monitor' });
	return doc.output('blob');
}

/**
 * Charts are drawn into the prerendered HTML on the server, with a DOM from
 * linkedom that src/hooks.server.ts registers here (linkedom never reaches
 * the browser's bundle). In the browser nothing is registered and charts
 * draw into the page.
 */
let registered: Document | undefined;

export function registerServerDocument(document: Document) {
	registered = document;
}

/** A plot's SVG markup drawn on the server, or '' where it cannot be drawn. */
export function drawOnServer(draw: (document: Document) => Element | null): string {
	if (!registered) return '';
	const drawing = draw(registered);
	if (!drawing) return '';
	roundPositions(drawing);
	return drawing.outerHTML;
}

/** The attributes that place and size what is drawn, in pixels. */
const POSITIONS = ['cx', 'cy', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'r', 'd', 'transform', 'points'];
const LONG_DECIMAL = /-?\d*\.\d{3,}/g;

/**
 * Positions to a hundredth of a pixel, in the page's markup only: Plot
 * writes a dot's place with all of a double's digits ("151.52453140607557"),
 * and at a hundred times the units the outcomes page draws 21,152 of them.
 * A hundredth of a pixel is not to be seen; the live drawing that replaces
 * this one keeps every digit.
 */
export function roundPositions(drawing: Element) {
	for (const element of [drawing, ...drawing.querySelectorAll('*')]) {
		for (const name of POSITIONS) {
			const value = element.getAttribute(name);
			if (value === null) continue;
			const rounded = value.replace(LONG_DECIMAL, (n) => String(Math.round(Number(n) * 100) / 100));
			if (rounded !== value) element.setAttribute(name, rounded);
		}
	}
}

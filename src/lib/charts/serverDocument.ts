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
	return draw(registered)?.outerHTML ?? '';
}

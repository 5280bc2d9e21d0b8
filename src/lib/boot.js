/**
 * The one script that runs before first paint, inline in every page's head:
 * src/hooks.server.ts writes it there and svelte.config.js allows it by its
 * hash, so that no request stands before the first paint. Plain JavaScript,
 * because svelte.config.js reads it before TypeScript is set up.
 *
 * - The prerendered figures are those of the default view; a link that
 *   carries filters hides them (html.has-query) until its own are computed.
 * - The page is drawn before its scripts have run (they are fetched after
 *   the body, so that compiling them does not hold up the first paint), and
 *   a reader may choose a filter or press a button in between. Those
 *   choices and presses are kept here, until the page takes them
 *   (`ipsEarlyInput()`, src/lib/earlyInput.ts), so that none is lost.
 */
export const BOOT_SCRIPT = `(function () {
	if (location.search.length > 1) document.documentElement.classList.add('has-query');
	var early = [];
	var keep = function (event) {
		var target = event.target;
		early.push({ type: event.type, target: target, value: target && target.value, checked: target && target.checked });
	};
	document.addEventListener('change', keep, true);
	document.addEventListener('click', keep, true);
	window.ipsEarlyInput = function () {
		document.removeEventListener('change', keep, true);
		document.removeEventListener('click', keep, true);
		window.ipsEarlyInput = function () { return []; };
		return early;
	};
})();`;

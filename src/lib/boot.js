/**
 * The one script that runs before first paint, inline in every page's head:
 * src/hooks.server.ts writes it there and svelte.config.js allows it by its
 * hash, so that no request stands before the first paint. Plain JavaScript,
 * because svelte.config.js reads it before TypeScript is set up.
 *
 * The prerendered figures are those of the default view; a link that
 * carries filters hides them (html.has-query) until its own are computed.
 */
export const BOOT_SCRIPT = "if (location.search.length > 1) document.documentElement.classList.add('has-query');";

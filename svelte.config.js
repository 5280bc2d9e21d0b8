import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { BOOT_SCRIPT } from './src/lib/boot.js';
import { PRERENDER_ENTRIES } from './src/lib/views/routes.js';

// The end-to-end tests build the site from their own data in their own folders.
const statics = process.env.IPS_STATIC_DIR ?? 'static';
const output = process.env.IPS_BUILD_DIR ?? 'build';
// SvelteKit's own working folder: the tests build several sites at once, each in a folder of its own.
const kitDir = process.env.IPS_KIT_DIR ?? '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		outDir: kitDir,
		files: { assets: statics },
		adapter: adapter({ pages: output, assets: output, fallback: undefined, precompress: false, strict: true }),
		// Every page in both languages, and the unit filter's choices, which no page links to (src/routes/choices).
		prerender: { entries: [...PRERENDER_ENTRIES, '/choices/units.json'], handleHttpError: 'fail' },
		// The site's CSS (about 9 KB) goes into each page: no stylesheet request stands before the first paint.
		inlineStyleThreshold: 16384,
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// DuckDB-wasm compiles WebAssembly; nothing else is evaluated. The boot script is inline, allowed by its hash.
				'script-src': ['self', 'wasm-unsafe-eval', `sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}`],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
			},
		},
	},
};

export default config;

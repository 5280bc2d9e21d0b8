import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', 'build-public/', '.public/', '.svelte-kit/', 'node_modules/', 'static/data/', 'data/raw/', 'tmp/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Prerendered chart SVG is our own markup, drawn at build time from our own data.
			'svelte/no-at-html-tags': 'off',
			// Links and navigation add the base path themselves ($app/paths base); queries are built by filterSearch.
			'svelte/no-navigation-without-resolve': 'off',
		},
	},
);

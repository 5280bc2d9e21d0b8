import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { TakenInTurn } from './tests/sequencer.ts';

/** The browser tests at a hundred times the units (npm run test:e2e:units100): pages of 8,000+ units, and the SQL they are checked against, take longer. */
const E2E_SLOWER = Number(process.env.E2E_UNITS_SCALE ?? 1) >= 100 ? 3 : 1;

export default defineConfig({
	// Compiles Svelte's runes in .svelte.ts modules (a table's sort state, the view runtime) for the tests that import them.
	plugins: [svelte()],
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		testTimeout: 60_000,
		hookTimeout: 60_000,
		// Vitest's default is one worker fewer than the cores: one on a two-core machine. The browser tests mostly wait
		// on Chromium and the pipeline tests mostly compute, so two at a time keep both cores busy.
		maxWorkers: 2,
		sequence: { sequencer: TakenInTurn },
		projects: [
			// No pipeline run, no process, no browser: the quick loop while writing code.
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			// The pipeline and the simulator run whole, and processes started as an operator would.
			{ extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					// Builds the site from a simulated fixture and serves it on a free port.
					globalSetup: ['tests/e2e/setup.ts'],
					hookTimeout: 180_000 * E2E_SLOWER,
					testTimeout: 90_000 * E2E_SLOWER,
				},
			},
		],
	},
});

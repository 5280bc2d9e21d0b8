/**
 * The order in which Vitest's two workers take the test files. Vitest would
 * run the browser tests, then the pipeline tests; here they are dealt out in
 * turn, each kind longest first: one worker computes (linear programs, the
 * pipeline) while the other waits on Chromium, and the slowest file does not
 * start last. How long a file took comes from Vitest's cache of the last run,
 * or, on a fresh clone, from SLOWEST.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds each file took alone on a two-core machine (2026-12-03): the few that set the total. */
const SLOWEST: Record<string, number> = {
	'tests/e2e/robustness.test.ts': 155,
	'tests/integration/public.test.ts': 140,
	'tests/e2e/public.test.ts': 84,
	'tests/integration/memory.test.ts': 62,
};

export class TakenInTurn extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const cache = this.ctx.cache;
		const seconds = (spec: TestSpecification) => {
			const path = relative(this.ctx.config.root, spec.moduleId);
			const last = cache.getFileTestResults(`${spec.project.name}:${path}`);
			return last ? last.duration / 1000 : (SLOWEST[path] ?? 0);
		};
		const longestFirst = (specs: TestSpecification[]) => specs.map((spec) => [seconds(spec), spec] as const).sort((a, b) => b[0] - a[0]).map(([, spec]) => spec);
		const browser = longestFirst(files.filter((spec) => spec.project.name === 'e2e'));
		const others = longestFirst(files.filter((spec) => spec.project.name !== 'e2e'));
		return Array.from({ length: Math.max(browser.length, others.length) }, (_, i) => [others[i], browser[i]]).flat().filter((spec) => spec !== undefined);
	}
}

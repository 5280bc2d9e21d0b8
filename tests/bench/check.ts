/**
 * npm run bench:check — the check of a reader's own files in Chromium
 * (/check): about a million report rows, the pipeline benchmark's simulated
 * network with its units.csv and unit_events.csv, chosen at once; then the
 * same rows as one CSV file of about 90 MB (one_file), which the workers
 * read in shares. Measured from choosing the files to the rejects shown (the
 * row rules in the workers, then the revision rules on DuckDB-wasm); then
 * the time to the first unit's page on the accepted reports; and the tab's
 * peak memory to then: the largest sum of the resident memory of Chromium's
 * renderer processes (the page, its workers and DuckDB-wasm's) sampled
 * every 100 ms. Medians of RUNS runs, as JSON.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../pipelines/read/file.ts';
import { REPORT_COLUMNS } from '../../pipelines/schema/index.ts';
import { simulate } from '../../pipelines/simulate/index.ts';
import { serveStatic } from '../../src/server/static-server.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { buildSite } from '../support/build-site.ts';

const RUNS = 3;
/** The pipeline benchmark's activity (tests/bench/pipeline.ts): about a million report rows over 2015–2026. */
const SCALE = Number(process.env.BENCH_CHECK_SCALE ?? 39);

const filesIn = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesIn(join(dir, name)) : [join(dir, name)]));

/** The resident memory of Chromium's renderer processes, in MiB: the tab, its workers. */
function rendererMiB(): number {
	const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
	return (
		out
			.split('\n')
			.filter((line) => /chrom/.test(line) && /--type=renderer/.test(line))
			.reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]), 0) / 1024
	);
}

/** A value as a CSV cell, quoted only where it must be (no formula guard: these are inputs, not a report). */
const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Every readable row of the report files as one comma-separated file in the
 * contract's columns, decimal commas written as points: a unit manager's
 * one export of the same reports.
 */
function oneFile(reports: string[], path: string) {
	const out = openSync(path, 'w');
	try {
		writeSync(out, `${REPORT_COLUMNS.join(',')}\n`);
		for (const file of reports) {
			const table = readTable(file, file, REPORT_COLUMNS);
			const lines: string[] = [];
			for (const { cells } of table.rows) {
				const values = REPORT_COLUMNS.map((c) => cells[c] ?? '');
				if (table.decimal === ',') values[REPORT_COLUMNS.indexOf('fte')] = values[REPORT_COLUMNS.indexOf('fte')]!.replace(',', '.');
				lines.push(`${values.map(cell).join(',')}\n`);
			}
			writeSync(out, lines.join(''));
		}
	} finally {
		closeSync(out);
	}
}

const root = mkdtempSync(join(tmpdir(), 'ips-bench-check-'));
try {
	const raw = join(root, 'own');
	const generated = simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: SCALE, out: raw, referenceDir: 'data/reference/se', faults: true });
	const files = filesIn(raw).filter((f) => /\.(csv|jsonl)$/.test(f));
	const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
	const site = await buildSite(join(root, 'site'), { seed: 1, from: '2015-01', to: '2026-10', scale: 1 });
	const server = await serveStatic(site.buildDir, 0);
	const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const network = await measure(baseUrl, files);
	// The same rows in one file, as a unit manager's export: the workers read it in shares.
	const reports = files.filter((f) => !/(^|\/)(units|unit_events)\.csv$/.test(f));
	const single = join(root, 'one', 'reports.csv');
	mkdirSync(join(root, 'one'));
	oneFile(reports, single);
	const oneFileRun = await measure(baseUrl, [single, ...files.filter((f) => !reports.includes(f))]);
	server.close();
	console.log(
		JSON.stringify(
			{
				benchmark: 'check',
				files: files.length,
				megabytes: Math.round(bytes / 1024 / 1024),
				report_rows: generated.reports,
				runs: RUNS,
				...network,
				one_file: { megabytes: Math.round(statSync(single).size / 1024 / 1024), ...oneFileRun },
			},
			null,
			2,
		),
	);
} finally {
	rmSync(root, { recursive: true, force: true });
}

/** The check of `files` on the page at `baseUrl`, RUNS times in a fresh browser: the medians. */
async function measure(baseUrl: string, files: string[]) {
	const runs: { seconds: number; row_rules: number; revision_rules: number; own_unit: number; peak_mib: number; rows: number; rejected: number }[] = [];
	for (let i = 0; i < RUNS; i++) {
		const browser = await launchBrowser();
		try {
			const page = await (await browser.newContext()).newPage();
			await page.goto(`${baseUrl}/check`);
			await page.waitForFunction(() => document.documentElement.dataset.engine === 'ready', undefined, { timeout: 60_000 });
			let peak = rendererMiB();
			const sampler = setInterval(() => (peak = Math.max(peak, rendererMiB())), 100);
			const started = performance.now();
			await page.locator('#own-files').setInputFiles(files);
			await page.waitForSelector('[data-check][data-state="done"], [data-check][data-state="error"]', { timeout: 300_000 });
			const seconds = (performance.now() - started) / 1000;
			// Then the first unit's page on the accepted reports (src/lib/check/ownUnit.ts); the peak memory counts it.
			await page.waitForSelector('[data-own-unit][data-state="ready"], [data-own-unit][data-state="error"]', { timeout: 300_000 });
			clearInterval(sampler);
			const summary = page.locator('[data-summary]');
			// Each phase, from the page's own marks: the row rules in the workers, then the revision rules on DuckDB-wasm.
			const marks = Object.fromEntries(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const)));
			runs.push({
				seconds: Math.round(seconds * 100) / 100,
				row_rules: Math.round((marks['check-rows-done']! - marks['check-start']!) / 10) / 100,
				revision_rules: Math.round((marks['check-revisions-done']! - marks['check-rows-done']!) / 10) / 100,
				own_unit: Math.round((marks['check-own-unit-done']! - marks['check-revisions-done']!) / 10) / 100,
				peak_mib: Math.round(peak),
				rows: Number(await summary.getAttribute('data-rows')),
				rejected: Number(await summary.getAttribute('data-rejected')),
			});
		} finally {
			await browser.close();
		}
	}
	const median = (key: (r: (typeof runs)[number]) => number) => runs.map(key).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
	return {
		seconds: median((r) => r.seconds),
		row_rules_seconds: median((r) => r.row_rules),
		revision_rules_seconds: median((r) => r.revision_rules),
		own_unit_page_seconds: median((r) => r.own_unit),
		rows_per_second: Math.round(median((r) => r.rows / r.seconds)),
		peak_renderer_mib: median((r) => r.peak_mib),
		rows_checked: runs[0]!.rows,
		rows_rejected: runs[0]!.rejected,
	};
}

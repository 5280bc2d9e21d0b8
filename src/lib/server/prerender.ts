/**
 * Build-time figures for the default view: the published marts are read with
 * DuckDB in Node and the very metric SQL the browser runs is executed here,
 * so the first paint needs no WebAssembly. Charts are drawn with Observable
 * Plot into a DOM from linkedom and shipped as SVG.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseHTML } from 'linkedom';
import { trendPlot } from '$lib/charts/trend';
import { MART_NAMES, manifestSchema, type Manifest } from '$lib/db/manifest';
import { DEFAULT_FILTERS } from '$lib/filters';
import type { Locale } from '$lib/i18n';
import { COMPLETENESS, METRICS, metricParams, type MetricRow } from '$lib/metrics';
import { defaultPeriod, quartersBetween, type OverviewChoices, type Period } from '$lib/overview';

/** The published marts the site is built from (the end-to-end tests point elsewhere). */
const DATA = resolve(process.env.IPS_STATIC_DIR ?? 'static', 'data');

export interface PrerenderedOverview {
	manifest: Manifest;
	period: Period;
	choices: OverviewChoices;
	results: Record<string, MetricRow[]>;
}

let cached: Promise<PrerenderedOverview> | undefined;

export function prerenderedOverview(): Promise<PrerenderedOverview> {
	cached ??= compute();
	return cached;
}

async function compute(): Promise<PrerenderedOverview> {
	const manifestPath = join(DATA, 'manifest.json');
	if (!existsSync(manifestPath)) {
		throw new Error(`${manifestPath} is missing: build the data first (npm run data, or npm start for the demo).`);
	}
	const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
	const period = defaultPeriod(manifest);
	if (!period) throw new Error(`${manifestPath} has no data period: the published data hold no reports.`);

	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	try {
		for (const name of MART_NAMES) {
			await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(DATA, `${name}.parquet`).replaceAll("'", "''")}')`);
		}
		const params = metricParams(DEFAULT_FILTERS, period);
		const results: Record<string, MetricRow[]> = {};
		for (const metric of [...METRICS, COMPLETENESS]) {
			results[metric.id] = (await conn.runAndReadAll(metric.sql, [...params])).getRowObjectsJS() as unknown as MetricRow[];
		}
		const regions = (await conn.runAndReadAll(`SELECT DISTINCT region_code, region_name FROM areas ORDER BY region_code`)).getRows();
		const units = (await conn.runAndReadAll(`SELECT unit_id, name, region_code FROM units ORDER BY name, unit_id`)).getRows();
		const choices: OverviewChoices = {
			quarters: quartersBetween(period.from, period.to),
			regions: regions.map(([value, label]) => ({ value: String(value), label: String(label) })),
			units: units.map(([value, label, region]) => ({ value: String(value), label: String(label), region: String(region) })),
		};
		return { manifest, period, choices, results };
	} finally {
		conn.closeSync();
	}
}

/** Each metric's trend as SVG markup, for one language. */
export function prerenderedCharts(overview: PrerenderedOverview, locale: Locale, shownFrom: string): Record<string, string> {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	return Object.fromEntries(
		METRICS.map((metric) => {
			const rows = overview.results[metric.id]!.filter((r) => r.quarter >= shownFrom);
			const plot = trendPlot(metric, rows, locale, { document: document as unknown as Document });
			return [metric.id, plot.outerHTML];
		}),
	);
}

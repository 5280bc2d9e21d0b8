/**
 * What the overview needs besides the metrics: the default period, the
 * choices the filters accept, and the key figure of a series.
 */
import { quarterOf, shiftQuarter } from '$lib/filters';
import type { Manifest } from '$lib/db/manifest';
import type { MetricRow } from '$lib/metrics';

export interface Choice {
	value: string;
	label: string;
	/** For units: the region they belong to. */
	region?: string;
}

export interface OverviewChoices {
	quarters: string[];
	regions: Choice[];
	units: Choice[];
}

export interface Period {
	/** First quarter with data and latest full quarter, written 2024-Q3. */
	from: string;
	to: string;
}

/** The latest full quarter: the one before the quarter that the week after the last reported week falls in. */
export function defaultPeriod(manifest: Manifest): Period | null {
	if (!manifest.data_period) return null;
	const after = new Date(`${manifest.data_period.last_week}T00:00:00Z`);
	after.setUTCDate(after.getUTCDate() + 7);
	return { from: quarterOf(manifest.data_period.first_week), to: shiftQuarter(quarterOf(after.toISOString().slice(0, 10)), -1) };
}

export function quartersBetween(from: string, to: string): string[] {
	const quarters: string[] = [];
	for (let q = from; q <= to; q = shiftQuarter(q, 1)) quarters.push(q);
	return quarters;
}

export interface KeyFigure {
	latest: MetricRow | null;
	yearEarlier: MetricRow | null;
	change: number | null;
}

/** The series' last quarter and the change from the same quarter a year earlier. */
export function keyFigure(rows: readonly MetricRow[]): KeyFigure {
	const latest = rows[rows.length - 1] ?? null;
	const yearEarlier = rows.length >= 5 ? rows[rows.length - 5]! : null;
	const change = latest?.value != null && yearEarlier?.value != null ? latest.value - yearEarlier.value : null;
	return { latest, yearEarlier, change };
}

import type { MetricRow } from './types';

export interface KeyFigure {
	latest: MetricRow | null;
	yearEarlier: MetricRow | null;
	change: number | null;
}

/**
 * A series' last quarter and its change from the same quarter a year
 * earlier: four quarters back, counted by date, not by position, so a
 * series with a missing quarter is never compared with the wrong one.
 */
export function keyFigure(rows: readonly MetricRow[]): KeyFigure {
	const latest = rows[rows.length - 1] ?? null;
	const wanted = latest ? yearBefore(latest.quarter) : null;
	const yearEarlier = rows.find((r) => r.quarter === wanted) ?? null;
	const change = latest?.value != null && yearEarlier?.value != null ? latest.value - yearEarlier.value : null;
	return { latest, yearEarlier, change };
}

/** 2024-07-01 → 2023-07-01. */
export const yearBefore = (quarterStart: string) => `${Number(quarterStart.slice(0, 4)) - 1}${quarterStart.slice(4)}`;

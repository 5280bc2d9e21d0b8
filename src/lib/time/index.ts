/**
 * Days and quarters as the data writes them: a day is YYYY-MM-DD (UTC, no
 * time of day); a quarter is 2024-Q3 in the URL and the filters, and its
 * first day, 2024-07-01, in the marts and the SQL. Everything that counts
 * days or quarters in TypeScript does it here; the SQL does it in the shared
 * macros ($lib/metrics/shared.ts).
 */

const DAY_MS = 86_400_000;

/** A day as a Date at midnight UTC (what the charts' time scales take). */
export const utcDay = (day: string): Date => new Date(`${day}T00:00:00Z`);

/** The day `by` days after `day` (before, if negative). */
export const addDays = (day: string, by: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);

/** 2024-Q3 → 2024-07-01 (the quarter's first day). */
export function quarterStart(quarter: string): string {
	const [year, q] = quarter.split('-Q').map(Number) as [number, number];
	return `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** 2024-Q3 → 2024-09-30 (the quarter's last day). */
export const quarterEnd = (quarter: string): string => addDays(quarterStart(shiftQuarter(quarter, 1)), -1);

/** 2024-07-01 (or any day of the quarter) → 2024-Q3. */
export function quarterOf(date: string): string {
	const [year, month] = date.split('-').map(Number) as [number, number];
	return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter `by` quarters after `quarter` (before, if negative): 2024-Q4 + 1 → 2025-Q1. */
export function shiftQuarter(quarter: string, by: number): string {
	const [year, q] = quarter.split('-Q').map(Number) as [number, number];
	const index = year * 4 + (q - 1) + by;
	return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

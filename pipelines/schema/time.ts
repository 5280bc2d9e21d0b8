/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), the way
 * DuckDB and Arrow store DATE. Strict parsers: 2023-02-30 and 2023-W54 are errors.
 */
const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const TIMESTAMP =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

export const daysFromCivil = (year: number, month: number, day: number) =>
	Date.UTC(year, month - 1, day) / DAY_MS;

const isRealDate = (year: number, month: number, day: number) => {
	if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

export function parseIsoDate(value: string): number | undefined {
	const m = DATE.exec(value.trim());
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return isRealDate(y, mo, d) ? daysFromCivil(y, mo, d) : undefined;
}

/** Day of week with Monday = 0. Day 0 (1970-01-01) was a Thursday. */
export const weekday = (days: number) => (((days + 3) % 7) + 7) % 7;

export const mondayOf = (days: number) => days - weekday(days);

/** The Monday of ISO week 1: the week that holds 4 January. */
const firstMonday = (year: number) => mondayOf(daysFromCivil(year, 1, 4));

export const weeksInIsoYear = (year: number) => (firstMonday(year + 1) - firstMonday(year)) / 7;

/** Weeks repeat in every row of a file: remember the ones already read. */
const weekCache = new Map<string, number | undefined>();

export function parseIsoWeek(value: string): number | undefined {
	let monday = weekCache.get(value);
	if (monday === undefined && !weekCache.has(value)) {
		monday = readIsoWeek(value);
		if (weekCache.size < 10_000) weekCache.set(value, monday);
	}
	return monday;
}

function readIsoWeek(value: string): number | undefined {
	const m = WEEK.exec(value.trim());
	if (!m) return undefined;
	const [year, week] = [Number(m[1]), Number(m[2])];
	if (year < 1900 || year > 2999 || week < 1 || week > weeksInIsoYear(year)) return undefined;
	return firstMonday(year) + (week - 1) * 7;
}

/** Milliseconds since the epoch. A time without a zone is read as UTC. */
export function parseTimestamp(value: string): number | undefined {
	return canonicalTimestamp(value) ?? readTimestamp(value);
}

const digitsAt = (s: string, from: number, count: number) => {
	let n = 0;
	for (let i = from; i < from + count; i++) {
		const d = s.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return -1;
		n = n * 10 + d;
	}
	return n;
};

/** The common case, YYYY-MM-DDTHH:MM:SSZ, read by position (a third of the regular expression's cost). */
function canonicalTimestamp(s: string): number | undefined {
	if (s.length !== 20 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== 'Z') return undefined;
	const [y, mo, d, h, mi, se] = [digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2), digitsAt(s, 11, 2), digitsAt(s, 14, 2), digitsAt(s, 17, 2)];
	if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 || !isRealDate(y, mo, d)) return undefined;
	return Date.UTC(y, mo - 1, d, h, mi, se);
}

function readTimestamp(value: string): number | undefined {
	const m = TIMESTAMP.exec(value.trim());
	if (!m) return undefined;
	const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
	const s = Number(m[6] ?? 0);
	if (!isRealDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
	const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
	let offsetMinutes = 0;
	const zone = m[8];
	if (zone && zone !== 'Z') {
		const digits = zone.replace(':', '');
		const hours = Number(digits.slice(1, 3));
		const minutes = Number(digits.slice(3, 5));
		if (hours > 14 || minutes > 59) return undefined;
		offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
	}
	return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
}

export const formatDate = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** ISO week label (2024-W07) of the week holding a day. */
export function formatIsoWeek(days: number): string {
	const thursday = mondayOf(days) + 3;
	const year = new Date(thursday * DAY_MS).getUTCFullYear();
	const week = (mondayOf(days) - firstMonday(year)) / 7 + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

export const dayOfMs = (ms: number) => Math.floor(ms / DAY_MS);

/** Today as a day number, in the machine's own time zone: the default reference date (--as-of), in the pipeline and in the browser's check. */
export function todayDay(): number {
	const now = new Date();
	return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY_MS;
}

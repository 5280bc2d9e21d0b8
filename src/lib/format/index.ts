/**
 * Numbers, times and quarters as a reader of each language writes them, and
 * the sign of a withheld value: the one place the pages, tables, charts,
 * CSVs and the budget pack format what they show.
 */
import { t, type Locale } from '$lib/i18n';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Numbers in the locale's own style (a space for thousands and a decimal comma in Swedish). */
export function formatNumber(locale: Locale, value: number | null | undefined, digits = 0, style: 'decimal' | 'percent' = 'decimal'): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const key = `${locale}|${digits}|${style}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
		numberFormats.set(key, format);
	}
	return format.format(value);
}

const collators = new Map<string, Intl.Collator>();
/**
 * Text in the locale's order, with one collator a locale made once, where
 * `localeCompare(b, locale)` looks one up on every call: the funnel tables
 * compare thousands of units' names on every filter change at a hundred
 * times the units.
 */
export function collatorFor(locale: string): Intl.Collator {
	let collator = collators.get(locale);
	if (!collator) collators.set(locale, (collator = new Intl.Collator(locale)));
	return collator;
}

/** A time in days as years, one decimal; a time never reached (a median the curve does not reach) says so. */
export function formatYears(locale: Locale, days: number | null): string {
	return days === null ? t(locale, 'not_reached') : t(locale, 'years_unit', { value: formatNumber(locale, days / 365.25, 1) });
}

/** A quarter as people write it: 2024 Q3 (English), 2024 kv. 3 (Swedish), from its first day. */
export function formatQuarter(locale: Locale, quarterStart: string): string {
	const [year, month] = quarterStart.split('-').map(Number) as [number, number];
	const q = Math.floor((month - 1) / 3) + 1;
	return locale === 'sv' ? `${year} kv. ${q}` : `${year} Q${q}`;
}

/**
 * The sign of a withheld value on a public build (SSB's): in tables, CSVs,
 * key figures and charts alike, never a zero or a blank.
 */
export const SUPPRESSED = ':';

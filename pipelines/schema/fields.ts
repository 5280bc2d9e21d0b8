/**
 * Field schemas shared by every input file. Inputs arrive as text (a CSV cell,
 * or a JSON Lines value turned into text) and leave as typed values; every
 * failure carries a rule id from ./rules.ts as its message.
 */
import { z } from 'zod';
import type { Rule } from './rules.ts';
import { parseIsoDate, parseIsoWeek, parseTimestamp } from './time.ts';

/** Largest count a single report may carry: keeps unit sums inside 32-bit integers. */
export const MAX_COUNT = 100_000;

const ID = /^[A-Za-z0-9_-]{1,40}$/;
/** Swedish personnummer/samordningsnummer (10 or 12 digits, optional - or +) and Norwegian fødselsnummer (11 digits): the shape. */
const PERSONAL_NUMBER = /^(?:(\d{2})?(\d{6})[-+]?(\d{4})|(\d{11}))$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export const text = z
	.string({ error: 'missing_value' })
	.trim()
	.min(1, { error: 'text_required' })
	.refine((value) => !CONTROL.test(value), { error: 'control_character' });

export const id = z.string({ error: 'missing_value' }).regex(ID, { error: 'id_format' });

export const pseudonym = id.refine((value) => !looksLikePersonalNumber(value), {
	error: 'personal_identity_number',
});

/*
 * Each field read without zod: the value its schema gives for a text it
 * accepts, undefined for any text it has an issue with. Report rows take
 * this way first (./report.ts); tests/unit/schema.test.ts holds each to its
 * schema.
 */

export const readId = (text: string | undefined) => (text !== undefined && ID.test(text) ? text : undefined);
export const readPseudonym = (text: string | undefined) => (readId(text) !== undefined && !looksLikePersonalNumber(text!) ? text : undefined);
/** A text `parse` reads (./time.ts), as parsedBy's schemas read it. */
export const readBy = (parse: (text: string) => number | undefined) => (text: string | undefined) => (text === undefined ? undefined : parse(text));
/** A whole number from `min` to `max`, as integer() reads it. */
export const readBoundedInteger = (min = 0, max = MAX_COUNT) => (text: string | undefined) => {
	const n = text === undefined ? undefined : readInteger(text);
	return n !== undefined && n >= min && n <= max ? n : undefined;
};
/** A decimal number with the separator of a file's dialect, as decimal() reads it. */
export const readDecimalWith = (separator: '.' | ',') => {
	const point = separator.charCodeAt(0);
	return (text: string | undefined) => (text === undefined ? undefined : readDecimal(text, point));
};

/**
 * Whether a value is shaped like a personal identity number: a real date
 * and the digits after it, whatever the check digit (a mistyped number is
 * still someone's, #21). Swedish personnummer and samordningsnummer (day +
 * 60): YYMMDD or YYYYMMDD, an optional - or +, four digits. Norwegian
 * fødselsnummer and D-number (day + 40): DDMMYY and five digits. A string of
 * digits without a real date where the date would be is a pseudonym.
 */
export function looksLikePersonalNumber(value: string): boolean {
	const m = PERSONAL_NUMBER.exec(value.trim());
	if (!m) return false;
	if (m[4]) {
		const [day, month] = [Number(m[4].slice(0, 2)), Number(m[4].slice(2, 4))];
		// The century is coded in the individual number: any leap year will do for 29 February.
		return realDate(2000, month, day > 40 ? day - 40 : day);
	}
	const [, century, date] = m as unknown as [string, string | undefined, string];
	const [yy, mm, dd] = [Number(date.slice(0, 2)), Number(date.slice(2, 4)), Number(date.slice(4, 6))];
	const day = dd > 60 ? dd - 60 : dd;
	// Without the century any year fits (2000 is a leap year); with it, the date must exist in that year.
	return realDate(century ? Number(century) * 100 + yy : 2000 + yy, mm, day);
}

function realDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return month >= 1 && month <= 12 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Text read by `parse`; when it returns undefined, the value breaks `rule`. */
const parsedBy = (parse: (text: string) => number | undefined, rule: Rule) =>
	z.string({ error: 'missing_value' }).transform((value, ctx) => {
		const parsed = parse(value);
		if (parsed === undefined) {
			ctx.addIssue({ code: 'custom', message: rule });
			return z.NEVER;
		}
		return parsed;
	});

/** A calendar date as days since 1970-01-01 (how DuckDB and Arrow store DATE). */
export const isoDate = parsedBy(parseIsoDate, 'date_format');

/** An ISO week as the day number of its Monday. */
export const isoWeek = parsedBy(parseIsoWeek, 'week_format');

/** A timestamp as milliseconds since the epoch, UTC. */
export const timestamp = parsedBy(parseTimestamp, 'timestamp_format');

/**
 * Reads a whole number written in text without a regular expression: this
 * runs for twelve cells of every report row, and a character loop is several
 * times faster. Returns undefined for anything but optional sign and digits.
 */
export function readInteger(text: string): number | undefined {
	let i = 0;
	let end = text.length;
	while (i < end && text.charCodeAt(i) === 32) i++;
	while (end > i && text.charCodeAt(end - 1) === 32) end--;
	if (i === end) return undefined;
	let sign = 1;
	const first = text.charCodeAt(i);
	if (first === 45 || first === 43) {
		sign = first === 45 ? -1 : 1;
		if (++i === end) return undefined;
	}
	let n = 0;
	for (; i < end; i++) {
		const digit = text.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return undefined;
		n = n * 10 + digit;
	}
	return sign * n;
}

/** A whole number written in text; `min` and `max` bound it. */
export const integer = (min = 0, max = MAX_COUNT) =>
	z.string({ error: 'missing_value' }).transform((value, ctx) => {
		const n = readInteger(value);
		if (n === undefined) {
			ctx.addIssue({ code: 'custom', message: value.trim() === '' ? 'missing_value' : 'not_integer' });
			return z.NEVER;
		}
		if (n < min) ctx.addIssue({ code: 'custom', message: 'negative' });
		else if (n > max) ctx.addIssue({ code: 'custom', message: 'too_large' });
		return n;
	});

export const count = integer();

/**
 * A decimal number. Spreadsheets in Sweden and Norway write decimal commas in
 * ;-separated files, so the separator is a property of the file's dialect.
 */
export const decimal = (separator: '.' | ',') => {
	const point = separator.charCodeAt(0);
	return z.string({ error: 'missing_value' }).transform((value, ctx) => {
		const n = readDecimal(value, point);
		if (n === undefined) {
			ctx.addIssue({ code: 'custom', message: value.trim() === '' ? 'missing_value' : 'not_number' });
			return z.NEVER;
		}
		return n;
	});
};

/** Digits with at most one decimal separator (the character code `point`) and an optional sign. */
function readDecimal(text: string, point: number): number | undefined {
	const trimmed = text.trim();
	let i = trimmed.charCodeAt(0) === 45 || trimmed.charCodeAt(0) === 43 ? 1 : 0;
	let digits = 0;
	let separators = 0;
	for (; i < trimmed.length; i++) {
		const c = trimmed.charCodeAt(i);
		if (c >= 48 && c <= 57) digits++;
		else if (c === point && separators === 0) separators++;
		else return undefined;
	}
	if (digits === 0) return undefined;
	return Number(point === 46 ? trimmed : trimmed.replace(',', '.'));
}

/**
 * Field schemas shared by every input file. Inputs arrive as text (a CSV cell,
 * or a JSON Lines value turned into text) and leave as typed values; every
 * failure carries a rule id from ./rules.ts as its message.
 */
import { z } from 'zod';
import { parseIsoDate, parseIsoWeek, parseTimestamp } from './time.ts';

/** Largest count a single report may carry: keeps unit sums inside 32-bit integers. */
export const MAX_COUNT = 100_000;

const ID = /^[A-Za-z0-9_-]{1,40}$/;
/**
 * Swedish personnummer/samordningsnummer (10 or 12 digits, optional - or +)
 * and Norwegian fødselsnummer (11 digits). Shape alone is enough to refuse.
 */
const PERSONAL_NUMBER = /^(?:(?:\d{2})?\d{6}[-+]?\d{4}|\d{11})$/;

export const text = z.string({ error: 'missing_value' }).trim().min(1, { error: 'text_required' });

export const id = z.string({ error: 'missing_value' }).regex(ID, { error: 'id_format' });

export const pseudonym = id.refine((value) => !PERSONAL_NUMBER.test(value), {
	error: 'personal_identity_number',
});

export const looksLikePersonalNumber = (value: string) => PERSONAL_NUMBER.test(value.trim());

/** A calendar date as days since 1970-01-01 (how DuckDB and Arrow store DATE). */
export const isoDate = z.string({ error: 'missing_value' }).transform((value, ctx) => {
	const days = parseIsoDate(value);
	if (days === undefined) {
		ctx.addIssue({ code: 'custom', message: 'date_format' });
		return z.NEVER;
	}
	return days;
});

/** An ISO week as the day number of its Monday. */
export const isoWeek = z.string({ error: 'missing_value' }).transform((value, ctx) => {
	const monday = parseIsoWeek(value);
	if (monday === undefined) {
		ctx.addIssue({ code: 'custom', message: 'week_format' });
		return z.NEVER;
	}
	return monday;
});

/** A timestamp as milliseconds since the epoch, UTC. */
export const timestamp = z.string({ error: 'missing_value' }).transform((value, ctx) => {
	const ms = parseTimestamp(value);
	if (ms === undefined) {
		ctx.addIssue({ code: 'custom', message: 'timestamp_format' });
		return z.NEVER;
	}
	return ms;
});

const INTEGER = /^[+-]?\d+$/;

/** A whole number written in text; `min` and `max` bound it. */
export const integer = (min = 0, max = MAX_COUNT) =>
	z.string({ error: 'missing_value' }).transform((value, ctx) => {
		const trimmed = value.trim();
		if (!INTEGER.test(trimmed)) {
			ctx.addIssue({ code: 'custom', message: trimmed === '' ? 'missing_value' : 'not_integer' });
			return z.NEVER;
		}
		const n = Number(trimmed);
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
	const pattern = separator === '.' ? /^[+-]?(\d+\.?\d*|\.\d+)$/ : /^[+-]?(\d+,?\d*|,\d+)$/;
	return z.string({ error: 'missing_value' }).transform((value, ctx) => {
		const trimmed = value.trim();
		if (!pattern.test(trimmed)) {
			ctx.addIssue({ code: 'custom', message: trimmed === '' ? 'missing_value' : 'not_number' });
			return z.NEVER;
		}
		return Number(separator === '.' ? trimmed : trimmed.replace(',', '.'));
	});
};

/** Quarter arithmetic ($lib/time) and formatting ($lib/format), worked out by hand. */
import { describe, expect, it } from 'vitest';
import { addDays, quarterEnd, quarterOf, quarterStart, shiftQuarter, utcDay } from '$lib/time';
import { formatNumber, formatQuarter, formatYears } from '$lib/format';

describe('$lib/time', () => {
	it('reads a quarter as its first and last days', () => {
		expect(quarterStart('2024-Q1')).toBe('2024-01-01');
		expect(quarterStart('2024-Q4')).toBe('2024-10-01');
		expect(quarterEnd('2024-Q1')).toBe('2024-03-31');
		// A leap year's February does not reach the end of the first quarter; the fourth ends on New Year's Eve.
		expect(quarterEnd('2024-Q4')).toBe('2024-12-31');
		expect(quarterEnd('2025-Q2')).toBe('2025-06-30');
	});
	it('names the quarter of any day, and shifts quarters across years', () => {
		expect(quarterOf('2024-03-31')).toBe('2024-Q1');
		expect(quarterOf('2024-04-01')).toBe('2024-Q2');
		expect(shiftQuarter('2024-Q4', 1)).toBe('2025-Q1');
		expect(shiftQuarter('2024-Q1', -1)).toBe('2023-Q4');
		expect(shiftQuarter('2024-Q3', -4)).toBe('2023-Q3');
	});
	it('counts days in UTC, over a leap day and a change to summer time', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
		expect(utcDay('2024-07-01').toISOString()).toBe('2024-07-01T00:00:00.000Z');
	});
});

describe('$lib/format', () => {
	it("writes numbers in each language's style", () => {
		expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
		// Swedish: a no-break space for thousands and a decimal comma.
		expect(formatNumber('sv', 1234.5, 1)).toBe('1\u00a0234,5');
		expect(formatNumber('en', 0.123, 0, 'percent')).toBe('12%');
		expect(formatNumber('en', null)).toBe('–');
	});
	it('writes quarters and years as people do', () => {
		expect(formatQuarter('en', '2024-07-01')).toBe('2024 Q3');
		expect(formatQuarter('sv', '2024-07-01')).toBe('2024 kv. 3');
		expect(formatYears('en', 365.25 * 2.5)).toBe('2.5 years');
	});
});

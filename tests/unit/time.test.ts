import { describe, expect, it } from 'vitest';
import { formatDate, formatIsoWeek, parseIsoDate, parseIsoWeek, parseTimestamp, weeksInIsoYear } from '../../pipelines/schema/time.ts';

const week = (value: string) => {
	const monday = parseIsoWeek(value);
	return monday === undefined ? undefined : formatDate(monday);
};

describe('ISO weeks', () => {
	it('gives the Monday of the week', () => {
		expect(week('2024-W01')).toBe('2024-01-01');
		expect(week('2024-W07')).toBe('2024-02-12');
		// ISO week 1 of 2021 starts on 4 January; 2020-W53 runs over New Year.
		expect(week('2021-W01')).toBe('2021-01-04');
		expect(week('2020-W53')).toBe('2020-12-28');
		expect(week('2026-W01')).toBe('2025-12-29');
	});

	it('knows which years have 53 weeks', () => {
		expect(weeksInIsoYear(2020)).toBe(53);
		expect(weeksInIsoYear(2026)).toBe(53);
		expect(weeksInIsoYear(2023)).toBe(52);
		expect(week('2021-W53')).toBeUndefined();
		expect(week('2023-W54')).toBeUndefined();
		expect(week('2023-W00')).toBeUndefined();
		expect(week('2023-7')).toBeUndefined();
	});

	it('labels a day with its ISO week', () => {
		expect(formatIsoWeek(parseIsoDate('2021-01-03')!)).toBe('2020-W53');
		expect(formatIsoWeek(parseIsoDate('2024-12-30')!)).toBe('2025-W01');
		expect(formatIsoWeek(parseIsoDate('2024-02-18')!)).toBe('2024-W07');
	});
});

describe('dates and timestamps', () => {
	it('accepts only real calendar dates', () => {
		expect(parseIsoDate('2024-02-29')).toBe(19782);
		expect(parseIsoDate('2023-02-29')).toBeUndefined();
		expect(parseIsoDate('2023-02-30')).toBeUndefined();
		expect(parseIsoDate('2023-13-01')).toBeUndefined();
		expect(parseIsoDate('23-01-01')).toBeUndefined();
		expect(parseIsoDate('2023-1-1')).toBeUndefined();
	});

	it('reads zones, and a time without zone as UTC', () => {
		expect(parseTimestamp('2024-01-23T10:00:00+01:00')).toBe(Date.UTC(2024, 0, 23, 9));
		expect(parseTimestamp('2024-01-23 10:00')).toBe(Date.UTC(2024, 0, 23, 10));
		expect(parseTimestamp('2024-01-23T10:00:00.250Z')).toBe(Date.UTC(2024, 0, 23, 10, 0, 0, 250));
		expect(parseTimestamp('2024-01-23')).toBeUndefined();
		expect(parseTimestamp('2024-01-23T25:00')).toBeUndefined();
		expect(parseTimestamp('2023-02-30T10:00Z')).toBeUndefined();
	});
});

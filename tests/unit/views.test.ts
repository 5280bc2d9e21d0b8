/** What every view shares: filters from the URL, the default period, quarters, the change from a year earlier, named parameters. */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '$lib/contract';
import { bind, compile } from '$lib/db/statement';
import { DEFAULT_FILTERS, filterSearch, parseFilters } from '$lib/filters';
import { quarterOf, quarterStart, shiftQuarter } from '$lib/time';
import { keyFigure, measureParams } from '$lib/metrics';
import { defaultPeriod, quartersBetween } from '$lib/views/context';

const CHOICES = { quarters: ['2023-Q4', '2024-Q1', '2024-Q2'], regions: ['01', '14'], units: ['u1', 'u2'] };

describe('filters in the URL', () => {
	it('accepts what the data offers and names everything else', () => {
		const parsed = parseFilters(new URLSearchParams('region=14&org=joint&funding=project&unit=u2&from=2023-Q4&to=2024-Q1'), CHOICES);
		expect(parsed).toEqual({ filters: { from: '2023-Q4', to: '2024-Q1', region: '14', org: 'joint', funding: 'project', unit: 'u2', options: {} }, rejected: [] });
		expect(parseFilters(new URLSearchParams('region=99&org=private&colour=red&unit=u1'), CHOICES)).toEqual({
			filters: { ...DEFAULT_FILTERS, unit: 'u1' },
			rejected: ['region', 'org', 'colour'],
		});
	});

	it('refuses a quarter outside the data, a repeated key and a period that runs backwards', () => {
		expect(parseFilters(new URLSearchParams('from=2019-Q1'), CHOICES).rejected).toEqual(['from']);
		expect(parseFilters(new URLSearchParams('region=01&region=14'), CHOICES).rejected).toEqual(['region']);
		expect(parseFilters(new URLSearchParams('from=2024-Q2&to=2023-Q4'), CHOICES)).toEqual({ filters: DEFAULT_FILTERS, rejected: ['from', 'to'] });
	});

	it('accepts the options a view declares, with the values it declares, and no other view’s', () => {
		const split = { split: ['region', 'org'] };
		expect(parseFilters(new URLSearchParams('split=org&region=14'), CHOICES, split)).toEqual({
			filters: { ...DEFAULT_FILTERS, region: '14', options: { split: 'org' } },
			rejected: [],
		});
		expect(parseFilters(new URLSearchParams('split=unit'), CHOICES, split).rejected).toEqual(['split']);
		expect(parseFilters(new URLSearchParams('split=org'), CHOICES).rejected).toEqual(['split']);
		expect(filterSearch({ ...DEFAULT_FILTERS, region: '14', options: { split: 'org', by: 'x' } })).toBe('?region=14&by=x&split=org');
	});

	it('writes filters back in a fixed order, defaults left out, so a link is stable', () => {
		expect(filterSearch({ ...DEFAULT_FILTERS, unit: 'u1', region: '14' })).toBe('?region=14&unit=u1');
		expect(filterSearch(DEFAULT_FILTERS)).toBe('');
		const search = '?from=2023-Q4&region=14&org=municipal';
		expect(filterSearch(parseFilters(new URLSearchParams(search), CHOICES).filters)).toBe(search);
	});
});

describe('quarters', () => {
	it('convert between names and first days, and shift across years', () => {
		expect(quarterStart('2024-Q3')).toBe('2024-07-01');
		expect(quarterOf('2024-09-30')).toBe('2024-Q3');
		expect(quarterOf('2024-10-01')).toBe('2024-Q4');
		expect(shiftQuarter('2024-Q1', -1)).toBe('2023-Q4');
		expect(shiftQuarter('2024-Q3', -4)).toBe('2023-Q3');
		expect(shiftQuarter('2023-Q4', 5)).toBe('2025-Q1');
		expect(quartersBetween('2023-Q3', '2024-Q2')).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2']);
	});

	it('give the default period: from the first reported week to the latest full quarter', () => {
		const manifest = (first: string, last: string) => ({ data_period: { first_week: first, last_week: last } }) as Manifest;
		// The last week starts on 2024-06-24 and ends on the 30th: 2024 Q2 is complete.
		expect(defaultPeriod(manifest('2019-01-07', '2024-06-24'))).toEqual({ from: '2019-Q1', to: '2024-Q2' });
		// A last week starting 2024-07-01 has begun Q3, which is not yet full.
		expect(defaultPeriod(manifest('2019-01-07', '2024-07-01'))).toEqual({ from: '2019-Q1', to: '2024-Q2' });
		// The week of 2024-09-23 ends on the 29th, a day before the quarter does.
		expect(defaultPeriod(manifest('2019-01-07', '2024-09-23'))).toEqual({ from: '2019-Q1', to: '2024-Q2' });
		expect(defaultPeriod(manifest('2019-01-07', '2024-09-30'))).toEqual({ from: '2019-Q1', to: '2024-Q3' });
		expect(defaultPeriod({ data_period: null } as Manifest)).toBeNull();
	});

	it('start a series a year before the first quarter shown, for its change', () => {
		expect(measureParams({ ...DEFAULT_FILTERS, region: '14' }, { from: '2020-Q2', to: '2024-Q2' })).toEqual({
			first_quarter: '2019-04-01',
			last_quarter: '2024-04-01',
			region: '14',
			org: null,
			funding: null,
			unit: null,
		});
	});
});

describe('the change from a year earlier', () => {
	const row = (quarter: string, value: number | null) => ({ quarter, value, numerator: null, denominator: null });

	it('compares the last quarter with the same quarter a year before', () => {
		const figure = keyFigure([row('2023-04-01', 10), row('2023-07-01', 11), row('2023-10-01', 12), row('2024-01-01', 13), row('2024-04-01', 15)]);
		expect([figure.latest?.quarter, figure.yearEarlier?.quarter, figure.change]).toEqual(['2024-04-01', '2023-04-01', 5]);
	});

	it('finds the year-earlier quarter by date, so a missing quarter is never compared with the wrong one', () => {
		// 2023-Q3 is missing: five rows back is 2023-Q1, which must not be used.
		const figure = keyFigure([row('2023-01-01', 1), row('2023-04-01', 10), row('2023-10-01', 12), row('2024-01-01', 13), row('2024-04-01', 15)]);
		expect(figure.yearEarlier?.quarter).toBe('2023-04-01');
		expect(keyFigure([row('2023-07-01', 10), row('2024-04-01', 15)]).change).toBeNull();
	});

	it('has no change where either value is missing', () => {
		expect(keyFigure([row('2023-04-01', null), row('2024-04-01', 15)]).change).toBeNull();
		expect(keyFigure([]).latest).toBeNull();
	});
});

describe('named parameters', () => {
	it('compile to positions once per name, outside strings, quoted names and comments', () => {
		const statement = compile(`SELECT $region AS r, '$not' AS s, "$col", $org::VARCHAR -- $comment\nWHERE $region IS NULL`);
		expect(statement.text).toBe(`SELECT $1 AS r, '$not' AS s, "$col", $2::VARCHAR -- $comment\nWHERE $1 IS NULL`);
		expect(statement.names).toEqual(['region', 'org']);
		expect(bind(statement, { org: 'joint', region: null, extra: 1 })).toEqual([null, 'joint']);
	});

	it('refuse to run with a parameter missing, rather than bind NULL by accident', () => {
		expect(() => bind(compile('SELECT $a, $b'), { a: 1 })).toThrow('query parameter $b has no value');
	});
});

/**
 * The states one change away that the view runtime computes ahead of the
 * reader (src/lib/views/ahead.ts): every choice of the filter bar but one's
 * own, nearest first, taken in turn from each filter. The expected orders
 * are worked out by hand from the choices below.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filterSearch, type Filters } from '$lib/filters';
import { statesAhead } from '$lib/views/ahead';

const choices = { quarters: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'], regions: ['01', '03', '05'] };
const period = { from: '2024-Q1', to: '2025-Q1' };
const ahead = (filters: Partial<Filters>) => statesAhead({ ...DEFAULT_FILTERS, ...filters }, choices, period).map(filterSearch);

describe('the states one change away', () => {
	it('takes each filter in turn, its nearest choices first, and never the state shown', () => {
		expect(ahead({ region: '03', from: '2024-Q3' })).toEqual([
			// The first choice of each: the next organisation type and funding, the regions either side, a quarter either way.
			'?from=2024-Q3&region=03&org=municipal',
			'?from=2024-Q3&region=03&funding=permanent',
			'?from=2024-Q3&region=01',
			'?from=2024-Q2&region=03',
			'?from=2024-Q3&to=2024-Q4&region=03',
			'?from=2024-Q3&region=03&org=region',
			'?from=2024-Q3&region=03&funding=project',
			'?from=2024-Q3&region=05',
			'?from=2024-Q4&region=03',
			'?from=2024-Q3&to=2024-Q3&region=03',
			'?from=2024-Q3&region=03&org=joint',
			'?from=2024-Q3&region=03&funding=mixed',
			// The whole country; the first quarter with data, which is the default.
			'?from=2024-Q3',
			'?region=03',
			'?from=2025-Q1&region=03',
		]);
	});

	it('keeps a period whose first quarter is not after its last, and with a unit chosen offers no region', () => {
		expect(ahead({ unit: 'u1', to: '2024-Q2' })).toEqual([
			'?to=2024-Q2&org=municipal&unit=u1',
			'?to=2024-Q2&funding=permanent&unit=u1',
			'?from=2024-Q2&to=2024-Q2&unit=u1',
			'?to=2024-Q1&unit=u1',
			'?to=2024-Q2&org=region&unit=u1',
			'?to=2024-Q2&funding=project&unit=u1',
			'?to=2024-Q3&unit=u1',
			'?to=2024-Q2&org=joint&unit=u1',
			'?to=2024-Q2&funding=mixed&unit=u1',
			'?to=2024-Q4&unit=u1',
			'?unit=u1',
		]);
	});

	it('keeps the view’s own choices in every state', () => {
		const states = statesAhead({ ...DEFAULT_FILTERS, options: { split: 'org' } }, choices, period);
		expect(states).toHaveLength(3 + 3 + 3 + 4 + 4);
		expect(states.every((state) => state.options.split === 'org')).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { parse, stringify, uneval } from 'devalue';
import { decodeRows, encodeRows, ROWS } from '../../src/lib/views/transport';

const funnel = [
	{ unit_id: 'U1', unit_name: 'IPS Ale', closed: null, n: 12.5, r: 3, flag: 'within' },
	{ unit_id: 'U2', unit_name: 'IPS Alingsås', closed: '2024-03-31', n: 8, r: 0, flag: 'below' },
	{ unit_id: 'U3', unit_name: 'IPS Alvesta', closed: null, n: 20.25, r: 11, flag: 'above' },
	{ unit_id: 'U4', unit_name: 'IPS Aneby', closed: null, n: 1, r: 1, flag: 'within' },
];

describe('results as columns', () => {
	it('writes a list of rows as its keys once and a list per key', () => {
		expect(encodeRows(funnel)).toEqual([
			['unit_id', 'unit_name', 'closed', 'n', 'r', 'flag'],
			['U1', 'U2', 'U3', 'U4'],
			['IPS Ale', 'IPS Alingsås', 'IPS Alvesta', 'IPS Aneby'],
			[null, '2024-03-31', null, null],
			[12.5, 8, 20.25, 1],
			[3, 0, 11, 1],
			['within', 'below', 'above', 'within'],
		]);
	});

	it('reads the same rows back, keys in their order, through devalue both ways', () => {
		const results = { first: '2026-01-01', funnels: { employment: { target: 0.41, units: funnel } }, empty: [] };
		const viaJson = parse(stringify(results, { [ROWS]: encodeRows }), { [ROWS]: decodeRows });
		expect(viaJson).toEqual(results);
		expect(Object.keys(viaJson.funnels.employment.units[1])).toEqual(Object.keys(funnel[1]!));
		// As SvelteKit writes a page's data: a call to its transport's decoder in the page's script.
		const app = { decode: (type: string, value: never) => (type === ROWS ? decodeRows(value) : undefined) };
		const written = uneval(results, (value, own) => {
			const columns = encodeRows(value);
			return columns ? `app.decode('${ROWS}', ${own(columns)})` : undefined;
		});
		expect(new Function('app', `return ${written}`)(app)).toEqual(results);
		expect(written.match(/unit_name/g)).toHaveLength(1);
	});

	it('leaves alone what is not rows of one shape: short lists, other keys, other order, lists of values', () => {
		expect(encodeRows(funnel.slice(0, 3))).toBe(false);
		expect(encodeRows([...funnel, { unit_id: 'U5', unit_name: 'IPS Arboga', closed: null, n: 2, r: 1 }])).toBe(false);
		const [a, b, c, d] = funnel;
		expect(encodeRows([a, b, c, { ...d, unit_name: undefined, unit_id: 'U4' }])).not.toBe(false);
		const { unit_id, ...rest } = d!;
		expect(encodeRows([a, b, c, { ...rest, unit_id }])).toBe(false);
		expect(encodeRows([1, 2, 3, 4, 5])).toBe(false);
		expect(encodeRows([[1], [2], [3], [4]])).toBe(false);
		expect(encodeRows([new Date(0), new Date(1), new Date(2), new Date(3)])).toBe(false);
		expect(encodeRows('rows')).toBe(false);
		expect(encodeRows(null)).toBe(false);
	});

	it('keeps nested lists of rows and a missing value as they were', () => {
		const nested = funnel.map((row, i) => ({ id: row.unit_id, points: funnel.map((p) => ({ x: p.n, y: i === 0 ? undefined : p.r })) }));
		expect(parse(stringify(nested, { [ROWS]: encodeRows }), { [ROWS]: decodeRows })).toEqual(nested);
	});
});

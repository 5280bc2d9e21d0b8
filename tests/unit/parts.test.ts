/**
 * The units' rows in parts (src/lib/contract/parts.ts): how they are cut and
 * which a statement's filters need, on hand-made units.
 */
import { describe, expect, it } from 'vitest';
import { compareUnitKeys, cutIntoParts, partsFor, type Part, type UnitKey } from '$lib/contract';

const unit = (region: string, id: string, rows: number) => ({ key: [region, id] as UnitKey, rows });

describe('cutting units into parts', () => {
	it('keeps whole units, in order, each part at most the rows given; a larger unit is a part alone', () => {
		const units = [unit('01', 'U1', 4), unit('01', 'U2', 4), unit('01', 'U3', 3), unit('03', 'U0', 12), unit('03', 'U4', 1), unit('05', 'U5', 5)];
		const ids = cutIntoParts(units, 10).map((part) => part.map((u) => u.key[1]));
		// 4 + 4 = 8 (+3 > 10); 3 (+12 > 10); 12 alone; 1 + 5 = 6.
		expect(ids).toEqual([['U1', 'U2'], ['U3'], ['U0'], ['U4', 'U5']]);
		expect(cutIntoParts([], 10)).toEqual([]);
	});

	it('orders by region, then unit, by code units (not a locale: "U10" before "U9", "Z" before "a")', () => {
		const keys: UnitKey[] = [['03', 'U1'], ['01', 'U9'], ['01', 'U10'], ['01', 'a'], ['01', 'Z']];
		expect(keys.sort(compareUnitKeys)).toEqual([['01', 'U10'], ['01', 'U9'], ['01', 'Z'], ['01', 'a'], ['03', 'U1']]);
	});
});

describe('the parts a statement needs', () => {
	const part = (file: string, regions: string[], first: UnitKey, last: UnitKey): Part => ({ file, rows: 1, bytes: 1, sha256: '', regions, first: [...first], last: [...last] });
	const parts = [
		part('p0', ['01'], ['01', 'U1'], ['01', 'U5']),
		part('p1', ['01', '03'], ['01', 'U7'], ['03', 'U2']),
		part('p2', ['03'], ['03', 'U4'], ['03', 'U8']),
		part('p3', ['05'], ['05', 'U0'], ['05', 'U0']),
	];
	const files = (chosen: Part[]) => chosen.map((p) => p.file);

	it('a unit: the one part whose range holds it, whatever the region filter', () => {
		expect(files(partsFor(parts, { region: null, unit: ['01', 'U5'] }))).toEqual(['p0']);
		expect(files(partsFor(parts, { region: '05', unit: ['03', 'U1'] }))).toEqual(['p1']);
		expect(files(partsFor(parts, { region: null, unit: ['05', 'U0'] }))).toEqual(['p3']);
		// Between two parts' ranges: no part holds its rows.
		expect(files(partsFor(parts, { region: null, unit: ['01', 'U6'] }))).toEqual([]);
	});

	it('a region: every part holding one of its units; neither: every part', () => {
		expect(files(partsFor(parts, { region: '01', unit: null }))).toEqual(['p0', 'p1']);
		expect(files(partsFor(parts, { region: '03', unit: null }))).toEqual(['p1', 'p2']);
		expect(files(partsFor(parts, { region: '07', unit: null }))).toEqual([]);
		expect(files(partsFor(parts, { region: null, unit: null }))).toEqual(['p0', 'p1', 'p2', 'p3']);
	});

	it('on a mart whose cube cells are a file of their own: a unit\'s part where a unit is named, else none', () => {
		expect(files(partsFor(parts, { region: '01', unit: null }, 'cells'))).toEqual([]);
		expect(files(partsFor(parts, { region: null, unit: null }, 'cells'))).toEqual([]);
		expect(files(partsFor(parts, { region: null, unit: ['03', 'U4'] }, 'cells'))).toEqual(['p2']);
	});
});

import { describe, expect, it } from 'vitest';
import { memo } from '$lib/memo';

describe('memo', () => {
	it('computes a key once, and knows its value once it is done', async () => {
		const views = memo<number>(3);
		let calls = 0;
		const compute = () => Promise.resolve(++calls * 10);
		const first = views.get('?region=01', compute);
		expect(views.get('?region=01', compute)).toBe(first);
		expect(views.known('?region=01')).toBeUndefined();
		expect(await first).toBe(10);
		expect(views.known('?region=01')).toBe(10);
		expect(calls).toBe(1);
	});

	it('forgets a failed computation, so it can be tried again', async () => {
		const views = memo<number>(3);
		await expect(views.get('a', () => Promise.reject(new Error('no engine')))).rejects.toThrow('no engine');
		expect(views.known('a')).toBeUndefined();
		expect(await views.get('a', () => Promise.resolve(2))).toBe(2);
	});

	it('keeps only the last `size` keys', async () => {
		const views = memo<string>(2);
		for (const key of ['a', 'b', 'c']) await views.get(key, () => Promise.resolve(key.toUpperCase()));
		expect([views.known('a'), views.known('b'), views.known('c')]).toEqual([undefined, 'B', 'C']);
	});

	it('keeps longest the keys asked for last', async () => {
		const views = memo<string>(2);
		await views.get('a', () => Promise.resolve('A'));
		await views.get('b', () => Promise.resolve('B'));
		// Asked for again: 'b' is now the oldest, and goes when 'c' comes.
		await views.get('a', () => Promise.resolve('not computed again'));
		await views.get('c', () => Promise.resolve('C'));
		expect([views.known('a'), views.known('b'), views.known('c')]).toEqual(['A', undefined, 'C']);
	});

	it('counts each value by its weight, the oldest going first, never the one just computed', async () => {
		// Results of statements by rows: 4 + 3 fit in 8; with 5 more (12) the oldest goes, and 3 + 5 fit.
		const results = memo<number[]>(8, (rows) => rows.length);
		await results.get('cube', () => Promise.resolve([1, 2, 3, 4]));
		await results.get('region', () => Promise.resolve([1, 2, 3]));
		expect(results.known('cube')).toEqual([1, 2, 3, 4]);
		await results.get('units', () => Promise.resolve([1, 2, 3, 4, 5]));
		expect([results.known('cube'), results.known('region'), results.known('units')]).toEqual([undefined, [1, 2, 3], [1, 2, 3, 4, 5]]);
		// Alone heavier than the whole capacity, it is still kept until the next comes.
		await results.get('country', () => Promise.resolve(Array.from({ length: 9 }, (_, i) => i)));
		expect([results.known('region'), results.known('units')]).toEqual([undefined, undefined]);
		expect(results.known('country')).toHaveLength(9);
	});

	it('forgets everything when cleared, and a computation running then is not kept', async () => {
		const results = memo<string>(3);
		await results.get('a', () => Promise.resolve('A'));
		let finish: (value: string) => void = () => {};
		const running = results.get('b', () => new Promise<string>((resolve) => (finish = resolve)));
		results.clear();
		finish('B');
		expect(await running).toBe('B');
		expect([results.known('a'), results.known('b'), results.peek('b')]).toEqual([undefined, undefined, undefined]);
		expect(await results.get('b', () => Promise.resolve('B again'))).toBe('B again');
	});
});

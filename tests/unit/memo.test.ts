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
});

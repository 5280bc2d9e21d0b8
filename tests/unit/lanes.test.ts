import { describe, expect, it } from 'vitest';
import { lanes } from '../../src/lib/db/lanes';

/** A request whose settling the test decides, recording when it began. */
function request(log: string[], name: string) {
	let settle: (fail?: boolean) => void = () => {};
	const work = () => {
		log.push(name);
		return new Promise<string>((resolve, reject) => (settle = (fail) => (fail ? reject(new Error(name)) : resolve(name))));
	};
	return { work, settle: (fail?: boolean) => settle(fail) };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the lanes of a connection', () => {
	it("runs one request at a time, a reader's before the states ahead not yet begun, each lane in its order", async () => {
		const enqueue = lanes();
		const log: string[] = [];
		const [a1, a2, a3, r1, r2] = ['ahead 1', 'ahead 2', 'ahead 3', 'reader 1', 'reader 2'].map((name) => request(log, name));
		const results = [enqueue(a1!.work, 'ahead'), enqueue(a2!.work, 'ahead'), enqueue(a3!.work, 'ahead')];
		await turn();
		// The reader's change comes while the first statement of a state ahead runs: it waits for that one alone.
		results.push(enqueue(r1!.work), enqueue(r2!.work));
		await turn();
		expect(log).toEqual(['ahead 1']);
		for (const r of [a1, r1, r2, a2, a3]) {
			r!.settle();
			await turn();
		}
		expect(log).toEqual(['ahead 1', 'reader 1', 'reader 2', 'ahead 2', 'ahead 3']);
		await expect(Promise.all(results)).resolves.toEqual(['ahead 1', 'ahead 2', 'ahead 3', 'reader 1', 'reader 2']);
	});

	it('goes on after a request that fails or throws, and gives each caller its own outcome', async () => {
		const enqueue = lanes();
		const log: string[] = [];
		const failing = request(log, 'failing');
		const first = enqueue(failing.work, 'ahead');
		const throwing = enqueue(() => {
			throw new Error('at once');
		});
		const after = enqueue(async () => 'after');
		await turn();
		failing.settle(true);
		await expect(first).rejects.toThrow('failing');
		await expect(throwing).rejects.toThrow('at once');
		await expect(after).resolves.toBe('after');
		// Idle again: the next request begins at once.
		await expect(enqueue(async () => 'again', 'ahead')).resolves.toBe('again');
	});

	it('asks a request ahead that can give way to do so when a reader\'s comes, once, and never a reader\'s own', async () => {
		const enqueue = lanes();
		const log: string[] = [];
		const asked: string[] = [];
		const [a1, a2, r1, r2, r3] = ['ahead 1', 'ahead 2', 'reader 1', 'reader 2', 'reader 3'].map((name) => request(log, name));
		const results = [enqueue(a1!.work, 'ahead', () => asked.push('ahead 1')), enqueue(a2!.work, 'ahead', () => asked.push('ahead 2'))];
		// Its failure is looked at below, with the rest.
		results[0]!.catch(() => {});
		await turn();
		// Another request ahead queues behind it without asking.
		expect(asked).toEqual([]);
		results.push(enqueue(r1!.work, 'reader', () => asked.push('reader 1')));
		expect(asked).toEqual(['ahead 1']);
		results.push(enqueue(r2!.work));
		expect(asked).toEqual(['ahead 1']);
		// Giving way is the request's own affair: here it ends (fails), and the readers run, then what is left ahead.
		a1!.settle(true);
		await turn();
		expect(log).toEqual(['ahead 1', 'reader 1']);
		// A reader's request that runs is never asked to give way.
		results.push(enqueue(r3!.work));
		expect(asked).toEqual(['ahead 1']);
		for (const r of [r1, r2, r3]) {
			r!.settle();
			await turn();
		}
		expect(log).toEqual(['ahead 1', 'reader 1', 'reader 2', 'reader 3', 'ahead 2']);
		results.push(enqueue(async () => 'reader 4'));
		// The reader's came while ahead 2 ran: asked once.
		expect(asked).toEqual(['ahead 1', 'ahead 2']);
		a2!.settle();
		await expect(Promise.allSettled(results)).resolves.toMatchObject([{ status: 'rejected' }, { value: 'ahead 2' }, { value: 'reader 1' }, { value: 'reader 2' }, { value: 'reader 3' }, { value: 'reader 4' }]);
	});
});

/**
 * Statements ahead of the reader on a connection (src/lib/db/connection.ts):
 * one that runs gives way to a reader's request and runs again after it;
 * a reader who asks for the same statement is never kept behind it. On a
 * connection made by hand, whose sent statements the test ends.
 */
import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { queryOn, statementResults, type Connection } from '$lib/db/connection';

/** A connection whose prepared statements answer at once and whose sent ones wait for `finish`; `log` says what ran. */
function handMade() {
	const log: string[] = [];
	let sent: { text: string; finish: () => void; cancel: () => void } | null = null;
	const answer = (text: string) => tableFromArrays({ answer: Float64Array.from([text.length]) });
	const conn = {
		prepare: async (text: string) => ({
			query: async () => {
				log.push(`run ${text}`);
				return answer(text);
			},
		}),
		send: (text: string) =>
			new Promise<Uint8Array>((resolve, reject) => {
				log.push(`send ${text}`);
				sent = { text, finish: () => resolve(tableToIPC(answer(text), 'stream')), cancel: () => reject(new Error('query was canceled')) };
			}),
		cancelSent: async () => {
			log.push('cancel');
			sent?.cancel();
			sent = null;
			return true;
		},
	};
	const finish = () => {
		const running = sent!;
		sent = null;
		running.finish();
	};
	return { log, finish, ...queryOn(conn as unknown as Connection, statementResults(), 'main') };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
const rows = (text: string) => [{ answer: text.length }];

describe('statements ahead of the reader', () => {
	it("stops the statement ahead that runs when a reader's comes, and runs it again after, its values written in", async () => {
		const { log, finish, query } = handMade();
		const ahead = query('SELECT $region AS region', { region: '03' }, 'ahead');
		await turn();
		const reader = query('SELECT $org AS org', { org: 'municipal' });
		await turn();
		expect(await reader).toEqual(rows('SELECT $1 AS org'));
		await turn();
		expect(log).toEqual(["send SELECT '03'::VARCHAR AS region", 'cancel', 'run SELECT $1 AS org', "send SELECT '03'::VARCHAR AS region"]);
		finish();
		expect(await ahead).toEqual(rows("SELECT '03'::VARCHAR AS region"));
	});

	it('never stops a statement ahead that a reader asked for: the reader shares it', async () => {
		const { log, finish, query } = handMade();
		const ahead = query('SELECT $region AS region', { region: '03' }, 'ahead');
		await turn();
		const same = query('SELECT $region AS region', { region: '03' });
		const other = query('SELECT $org AS org', { org: 'municipal' });
		await turn();
		expect(log).toEqual(["send SELECT '03'::VARCHAR AS region"]);
		finish();
		expect(await same).toEqual(await ahead);
		await other;
		expect(log).toEqual(["send SELECT '03'::VARCHAR AS region", 'run SELECT $1 AS org']);
	});

	it("runs a statement ahead that waits its turn in the reader's lane when the reader asks for it, and gives that result ahead", async () => {
		const { log, finish, query } = handMade();
		const first = query('SELECT $region AS region', { region: '03' }, 'ahead');
		const second = query('SELECT $org AS org', { org: 'municipal' }, 'ahead');
		await turn();
		const reader = query('SELECT $org AS org', { org: 'municipal' });
		await turn();
		// The first gave way; the reader's own run came next; the second, waiting, was not sent.
		expect(await reader).toEqual(rows('SELECT $1 AS org'));
		expect(await second).toBe(await reader);
		await turn();
		expect(log).toEqual(["send SELECT '03'::VARCHAR AS region", 'cancel', 'run SELECT $1 AS org', "send SELECT '03'::VARCHAR AS region"]);
		finish();
		expect(await first).toEqual(rows("SELECT '03'::VARCHAR AS region"));
	});
});

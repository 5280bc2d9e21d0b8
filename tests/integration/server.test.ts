/** npm run serve: the security headers and validators a public-sector site sends. */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/server/static-server.ts';
import { tempDir } from '../helpers.ts';

let base: string;
let close: () => void;

beforeAll(async () => {
	const root = tempDir();
	mkdirSync(join(root, 'data'));
	writeFileSync(
		join(root, 'index.html'),
		`<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"></head><body></body></html>`,
	);
	writeFileSync(join(root, 'data', 'units.arrow'), Buffer.alloc(64, 1));
	writeFileSync(join(root, 'sv.html'), '<!doctype html><html><head></head><body>sv</body></html>');
	const server = await serveStatic(root, 0);
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	close = () => server.close();
});
afterAll(() => close());

describe('the static server', () => {
	it('sends the page’s own policy as a header, with framing refused, and no referrer', async () => {
		const response = await fetch(`${base}/`);
		expect(response.headers.get('content-security-policy')).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; frame-ancestors 'none'");
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('gives data files an ETag and Last-Modified, and answers 304 when unchanged', async () => {
		const first = await fetch(`${base}/data/units.arrow`);
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
		expect(new Date(first.headers.get('last-modified')!).getTime()).toBeGreaterThan(0);
		const again = await fetch(`${base}/data/units.arrow`, { headers: { 'If-None-Match': etag } });
		expect(again.status).toBe(304);
		expect(first.headers.get('referrer-policy')).toBe('no-referrer');
	});

	it('sends a page asked for with a slash after its name to its name, its query kept (its relative links would break under it)', async () => {
		const response = await fetch(`${base}/sv/?region=03`, { redirect: 'manual' });
		expect(response.status).toBe(308);
		expect(response.headers.get('location')).toBe('/sv?region=03');
		expect(await (await fetch(`${base}/sv/?region=03`)).text()).toContain('<body>sv</body>');
		// Never to another host: //sv would be one (a raw request; fetch would tidy the path first).
		const location = await new Promise<string | undefined>((resolve, reject) =>
			get({ host: '127.0.0.1', port: new URL(base).port, path: '/.//sv/' }, (raw) => (raw.resume(), resolve(raw.headers.location))).on('error', reject),
		);
		expect(location).toBe('/sv');
		expect((await fetch(`${base}/`, { redirect: 'manual' })).status).toBe(200);
		expect((await fetch(`${base}/data/`, { redirect: 'manual' })).status).toBe(404);
	});

	it('serves nothing outside its folder', async () => {
		expect((await fetch(`${base}/../../etc/passwd`)).status).toBe(404);
		expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
	});

	it('says plainly that the port is taken, with exit 2 and no stack trace', async () => {
		const taken = new URL(base).port;
		const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/serve.ts', tempDir()], { env: { ...process.env, PORT: taken } });
		const failed = (await run.then(() => null, (error: unknown) => error)) as { code: number; stderr: string } | null;
		expect(failed?.code).toBe(2);
		expect(failed?.stderr).toMatch(new RegExp(`^Cannot serve .+: port ${taken} on 127\\.0\\.0\\.1 is already in use`));
		// The advice is the command that was run, on another port (#21 item 10).
		const dir = failed!.stderr.match(/^Cannot serve (.+?): /)![1]!;
		expect(failed?.stderr).toContain(`choose another port: PORT=${taken === '4174' ? 4175 : 4174} npm run serve -- ${dir}`);
		expect(failed?.stderr).not.toMatch(/\n\s+at /);
	});
});

/**
 * A small static file server for the built site: the right MIME types (the
 * WebAssembly needs application/wasm), gzip for text and WebAssembly (the
 * 34 MB engine travels as about 8 MB), long caching for hashed assets,
 * ETag and Last-Modified on everything else (a mart unchanged is not sent
 * again), the page's Content-Security-Policy as a header with
 * frame-ancestors 'none' (which a <meta> cannot carry), a Referrer-Policy,
 * and nothing outside the folder it serves.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.parquet': 'application/vnd.apache.parquet',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.arrow', '.csv']);

/** The policy SvelteKit wrote into a prerendered page (its script hashes included), as a header, with framing refused. */
function pagePolicy(html: string): string {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	const policy = meta ? meta[1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&') : "default-src 'self'";
	return `${policy.replace(/;?\s*$/, '')}; frame-ancestors 'none'`;
}

/** The file a URL path names: exact, then with .html, then the folder's index.html. */
function locate(root: string, urlPath: string): string | undefined {
	const path = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
	const candidates = [join(root, path), join(root, `${path.replace(/[/\\]$/, '')}.html`), join(root, path, 'index.html')];
	for (const candidate of candidates) {
		const full = resolve(candidate);
		if (full !== root && !full.startsWith(root + sep)) return undefined;
		if (existsSync(full) && statSync(full).isFile()) return full;
	}
	return undefined;
}

export function serveStatic(folder: string, port: number, host = '127.0.0.1'): Promise<Server> {
	const root = resolve(folder);
	const gzipped = new Map<string, { mtime: number; body: Buffer }>();
	const server = createServer((request, response) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		const url = new URL(request.url ?? '/', 'http://localhost');
		let file: string | undefined;
		try {
			file = locate(root, url.pathname);
		} catch {
			file = undefined;
		}
		// A page asked for with a slash after its name (/sv/, /coverage/): its links and scripts are relative to
		// its own name, and from under it they would not be found. Sent to its name, its query kept.
		if (file?.endsWith('.html') && url.pathname.length > 1 && url.pathname.endsWith('/') && !file.endsWith(`${sep}index.html`)) {
			// One slash first: //sv would be another host.
			response.writeHead(308, { Location: `/${url.pathname.replace(/^\/+|\/+$/g, '')}${url.search}` }).end();
			return;
		}
		if (!file) {
			response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		const ext = extname(file);
		const stat = statSync(file);
		const immutable = file.includes(`${sep}immutable${sep}`);
		const headers: Record<string, string> = {
			'Content-Type': TYPES[ext] ?? 'application/octet-stream',
			'X-Content-Type-Options': 'nosniff',
			'Referrer-Policy': 'no-referrer',
			'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			Vary: 'Accept-Encoding',
			'Last-Modified': stat.mtime.toUTCString(),
			ETag: `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}"`,
		};
		// Pages only: a worker's script takes its policy from its own response, and DuckDB's must compile WebAssembly and fetch.
		if (ext === '.html') headers['Content-Security-Policy'] = pagePolicy(readFileSync(file, 'utf8'));
		if (!immutable && request.headers['if-none-match'] === headers.ETag) {
			response.writeHead(304, headers).end();
			return;
		}
		if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
			let cached = gzipped.get(file);
			if (!cached || cached.mtime !== stat.mtimeMs) {
				cached = { mtime: stat.mtimeMs, body: gzipSync(readFileSync(file), { level: 6 }) };
				gzipped.set(file, cached);
			}
			response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(cached.body.length) });
			response.end(request.method === 'HEAD' ? undefined : cached.body);
			return;
		}
		response.writeHead(200, { ...headers, 'Content-Length': String(stat.size) });
		if (request.method === 'HEAD') response.end();
		else createReadStream(file).pipe(response);
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolvePromise(server));
	});
}

/**
 * For npm start and npm run serve: serves `dir`, or says plainly why it
 * cannot (the port taken, or not allowed) and exits with 2, without a stack
 * trace. `command` is what the operator ran, so that the advice is that
 * command on another port.
 */
export async function serveForOperator(dir: string, port: number, host: string, command: string): Promise<Server> {
	try {
		return await serveStatic(dir, port, host);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const other = `PORT=${port === 4174 ? 4175 : 4174} ${command}`;
		const why =
			code === 'EADDRINUSE'
				? `port ${port} on ${host} is already in use (is the site already running?). Stop the other server, or choose another port: ${other}`
				: code === 'EACCES'
					? `port ${port} on ${host} may not be used by this user. Choose another: ${other}`
					: `the server could not start on ${host}:${port} (${code ?? String(error)}).`;
		console.error(`Cannot serve ${dir}: ${why}`);
		process.exit(2);
	}
}

/**
 * npm test: every test tier (Vitest), with the typecheck and the lint beside
 * it at the lowest priority. The browser tests leave the cores idle while
 * they wait on Chromium; the typecheck and lint take that time instead of
 * half a minute before the tests start, and yield to the tests otherwise.
 * Vitest's output streams as it comes; each check's is printed when it ends,
 * in full if it failed. Exits non-zero if any of the three fails.
 */
import { spawn } from 'node:child_process';
import { constants, setPriority } from 'node:os';

function run(command: string, args: string[], options: { quiet: boolean; background: boolean }): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(command, args, { stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
		if (options.background && child.pid) setPriority(child.pid, constants.priority.PRIORITY_LOW);
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		child.on('error', (error) => resolve({ code: 1, output: String(error) }));
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

const checks = ['typecheck', 'lint'].map(async (script) => {
	// Their children (svelte-check, eslint) inherit the low priority.
	const { code, output } = await run('npm', ['run', '--silent', script], { quiet: true, background: true });
	process.stdout.write(`\nnpm run ${script}: ${code === 0 ? 'passed' : `FAILED\n${output}`}\n`);
	return code;
});
const tests = run('npx', ['vitest', 'run', ...process.argv.slice(2)], { quiet: false, background: false }).then((r) => r.code);
const codes = await Promise.all([tests, ...checks]);
process.exit(codes.some((code) => code !== 0) ? 1 : 0);

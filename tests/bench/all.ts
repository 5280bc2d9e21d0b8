/** npm run bench: every benchmark, one JSON document. */
import { execFileSync } from 'node:child_process';

/** Runs a benchmark and reads its JSON, the last top-level object it prints (the site build logs before it). */
function run(script: string) {
	const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
	return JSON.parse(out.slice(out.lastIndexOf('\n{') + 1));
}

console.log(JSON.stringify({ pipeline: run('tests/bench/pipeline.ts'), web: run('tests/bench/web.ts'), check: run('tests/bench/check.ts') }, null, 2));

/**
 * npm run bench:pipeline -- --hostile — the pipeline's memory on one report
 * file of about 300 MB of valid rows, in the three shapes a hostile test
 * found to blow up: plain (the bulk checks read it), with a quoted header
 * (the row-by-row validator reads it all), and with "+00:00" on every
 * timestamp (the bulk checks flag every line for the row-by-row validator).
 * Each run is a fresh process; prints JSON with seconds and peak memory.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTable } from '../../pipelines/read/file.ts';
import { REPORT_COLUMNS } from '../../pipelines/schema/index.ts';
import { simulate } from '../../pipelines/simulate/index.ts';

const SCALE = Number(process.env.HOSTILE_SCALE ?? 140); // about 300 MB of reports as one CSV file
const reference = 'data/reference/se';
const root = mkdtempSync(join(tmpdir(), 'ips-bench-hostile-'));

/** Every simulated report as a line of the contract's columns, decimal points, Z timestamps. */
function* reportLines(raw: string): Generator<string> {
	const years = readdirSync(join(raw, 'reports')).sort();
	for (const year of years) {
		for (const file of readdirSync(join(raw, 'reports', year)).sort()) {
			const table = readTable(join(raw, 'reports', year, file), file, REPORT_COLUMNS);
			for (const row of table.rows) {
				const cells: Record<string, string | undefined> = { ...row.cells, fte: row.cells.fte?.replace(',', '.') };
				yield REPORT_COLUMNS.map((c) => cells[c] ?? '').join(',');
			}
		}
	}
}

/** Writes the three shapes of the one big file, each in an input folder of its own with the units and events. */
function writeInputs(raw: string) {
	const shapes = {
		plain: { header: REPORT_COLUMNS.join(','), line: (l: string) => l },
		quoted_header: { header: REPORT_COLUMNS.map((c) => `"${c}"`).join(','), line: (l: string) => l },
		offsets: { header: REPORT_COLUMNS.join(','), line: (l: string) => l.replace(/Z,/, '+00:00,') },
	};
	const outputs = Object.entries(shapes).map(([name, shape]) => {
		const dir = join(root, name);
		mkdirSync(join(dir, 'reports'), { recursive: true });
		for (const file of ['units.csv', 'unit_events.csv']) copyFileSync(join(raw, file), join(dir, file));
		const path = join(dir, 'reports', 'all.csv');
		const fd = openSync(path, 'w');
		writeSync(fd, `${shape.header}\n`);
		return { name, dir, path, fd, shape, buffer: [] as string[] };
	});
	let rows = 0;
	for (const line of reportLines(raw)) {
		rows++;
		for (const out of outputs) {
			out.buffer.push(out.shape.line(line));
			if (out.buffer.length === 10_000) {
				writeSync(out.fd, `${out.buffer.join('\n')}\n`);
				out.buffer = [];
			}
		}
	}
	for (const out of outputs) {
		if (out.buffer.length) writeSync(out.fd, `${out.buffer.join('\n')}\n`);
		closeSync(out.fd);
	}
	return { rows, inputs: outputs.map((o) => ({ name: o.name, dir: o.dir, mib: Math.round(statSync(o.path).size / 2 ** 20) })) };
}

try {
	simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: SCALE, out: join(root, 'raw'), referenceDir: reference, faults: false });
	const { rows, inputs } = writeInputs(join(root, 'raw'));
	rmSync(join(root, 'raw'), { recursive: true, force: true });
	const shapes: Record<string, unknown> = {};
	for (const input of inputs) {
		const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/pipeline-run.ts', input.dir, reference, join(root, `out-${input.name}`)], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		const run = JSON.parse(out.trim().split('\n').pop()!) as { rows: number; seconds: number; peak_rss_mib: number; published: boolean };
		shapes[input.name] = { file_mib: input.mib, published: run.published, rows_read: run.rows, seconds: Number(run.seconds.toFixed(1)), peak_rss_mib: run.peak_rss_mib };
	}
	console.log(JSON.stringify({ benchmark: 'pipeline_hostile', report_rows: rows, shapes }, null, 2));
} finally {
	rmSync(root, { recursive: true, force: true });
}

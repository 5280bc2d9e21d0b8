/**
 * Memory stays bounded off the bulk path: a report file far larger than the
 * JavaScript heap is read in pieces, whether it goes row by row (a quoted
 * header) or through the bulk checks with every line flagged (timestamps
 * with an offset), and when every row is bad. The pipeline runs as an
 * operator runs it, in a process whose heap is capped at 96 MB; reading a
 * file whole, or holding its accepted rows, flagged lines or rejects in
 * memory, would run out of heap.
 */
import { execFile } from 'node:child_process';
import { closeSync, cpSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../../pipelines/schema/index.ts';
import { FIXTURES, REFERENCE, tempDir } from '../helpers.ts';

const exec = promisify(execFile);
const ROWS = 700_000; // about 65 MB
const HEAP_MIB = 96;

/** The small fixture's units with one big report file for u1 (open from 2024-01-01), every row valid. */
function bigInput(shape: 'quoted_header' | 'offsets' | 'all_bad') {
	const dir = join(tempDir(), 'in');
	cpSync(join(FIXTURES, 'small'), dir, { recursive: true, filter: (source) => !source.includes('reports') || source.endsWith('reports') });
	const fd = openSync(join(dir, 'reports', 'big.csv'), 'w');
	writeSync(fd, `${shape === 'quoted_header' ? REPORT_COLUMNS.map((c) => `"${c}"`).join(',') : REPORT_COLUMNS.join(',')}\n`);
	const zone = shape === 'offsets' ? '+00:00' : 'Z';
	let lines: string[] = [];
	// Each specialist reports once a week: 17,500 specialists over 40 weeks, no report revising another.
	for (let i = 0; i < ROWS; i++) {
		const week = 2 + Math.floor(i / 17_500);
		const monday = new Date(Date.UTC(2024, 0, 8 + (week - 2) * 7 + 7)).toISOString().slice(0, 10);
		lines.push(`m${i},${shape === 'all_bad' ? 'nobody' : 'u1'},s${i % 17_500},2024-W${String(week).padStart(2, '0')},${monday}T09:00:00${zone},1,12,3,1,2,1,10,3,0,5,0,1,0`);
		if (lines.length === 50_000) {
			writeSync(fd, `${lines.join('\n')}\n`);
			lines = [];
		}
	}
	writeSync(fd, `${lines.join('\n')}\n`);
	closeSync(fd);
	return dir;
}

describe('memory', () => {
	it.each(['quoted_header', 'offsets'] as const)('publishes a 65 MB file (%s) with a JavaScript heap of 96 MB', async (shape) => {
		const input = bigInput(shape);
		const out = join(tempDir(), 'out');
		const { stdout } = await exec(
			process.execPath,
			[`--max-old-space-size=${HEAP_MIB}`, '--import', 'tsx', 'pipelines/cli.ts', '--in', input, '--reference', REFERENCE, '--out', out, '--rejects', join(out, '..', 'rejects.csv'), '--as-of', '2025-01-01'],
			{ maxBuffer: 16 * 1024 * 1024 },
		);
		expect(stdout).toContain('Published');
		const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { inputs: { accounting: { reports: { file: string; rows: number; published: number }[] } } };
		expect(manifest.inputs.accounting.reports).toEqual([{ file: 'reports/big.csv', rows: ROWS, published: ROWS, replaced: 0, duplicates: 0, rejected: 0 }]);
	}, 120_000);

	it('writes every reject of a 65 MB file of bad rows to the report, with a JavaScript heap of 96 MB', async () => {
		const input = bigInput('all_bad');
		const rejects = join(tempDir(), 'rejects.csv');
		const run = exec(
			process.execPath,
			[`--max-old-space-size=${HEAP_MIB}`, '--import', 'tsx', 'pipelines/cli.ts', '--quiet', '--in', input, '--reference', REFERENCE, '--out', join(tempDir(), 'out'), '--rejects', rejects, '--as-of', '2025-01-01'],
			{ maxBuffer: 16 * 1024 * 1024 },
		);
		// Too many rejects: exit 1, nothing published, and the report holds them all.
		await expect(run).rejects.toMatchObject({ code: 1 });
		const report = readFileSync(rejects, 'utf8').trimEnd().split('\n');
		expect(report).toHaveLength(ROWS + 1);
		expect(report[1]).toBe('reports/big.csv,2,unit_id,nobody,unit_unknown,unit_id is not in units.csv (or its unit was rejected)');
	}, 120_000);
});

/**
 * npm start: builds the demo data if it is missing, builds the site, serves it
 * and prints the address. The demo figures are simulated.
 */
import { existsSync } from 'node:fs';
import { build } from 'vite';
import { runPipeline } from '../../pipelines/run.ts';
import { simulate } from '../../pipelines/simulate/index.ts';
import { serveForOperator } from './static-server.ts';

const RAW = 'data/raw';
const PUBLISHED = 'static/data';
const REFERENCE = 'data/reference/se';
const port = Number(process.env.PORT ?? 4173);

if (!existsSync(`${RAW}/units.csv`)) {
	console.log('Simulating the demo data (Sweden, 2015-01 to 2026-10)…');
	simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: 1, out: RAW, referenceDir: REFERENCE, faults: false });
}
if (!existsSync(`${PUBLISHED}/manifest.json`)) {
	console.log('Building the published marts…');
	const result = await runPipeline({ inDir: RAW, referenceDir: REFERENCE, outDir: PUBLISHED, maxRejectRate: 0.01, rejectsPath: 'data/rejects.csv' });
	if (!result.published) throw new Error(`The pipeline rejected too many rows; see ${result.rejectsPath}`);
}
console.log('Building the site…');
await build({ logLevel: 'warn' });
await serveForOperator('build', port, process.env.HOST ?? '127.0.0.1', 'npm start');
console.log(`\nIPS Monitor is running at http://localhost:${port}/  (Swedish: http://localhost:${port}/sv). Press Ctrl+C to stop.`);

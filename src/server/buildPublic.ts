/**
 * npm run build:public [-- --min-cell N]: the public site. Publishes the
 * demo inputs (simulated if missing, as npm start does) with the public
 * profile into .public/static/data, beside a copy of static/, and builds the
 * site from there into build-public/. npm start and npm run build stay
 * internal; serve this one with npm run serve -- build-public.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../../pipelines/run.ts';
import { simulate } from '../../pipelines/simulate/index.ts';

const RAW = 'data/raw';
const REFERENCE = 'data/reference/se';
const STATIC = '.public/static';
const OUT = 'build-public';

const { values } = parseArgs({ options: { 'min-cell': { type: 'string', default: '5' } } });
const minCell = Number(values['min-cell']);
if (!Number.isInteger(minCell) || minCell < 2) {
	console.error(`--min-cell must be a whole number of 2 or more, not "${values['min-cell']}".`);
	process.exit(2);
}

if (!existsSync(`${RAW}/units.csv`)) {
	console.log('Simulating the demo data (Sweden, 2015-01 to 2026-10)…');
	simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: 1, out: RAW, referenceDir: REFERENCE, faults: false });
}
mkdirSync(STATIC, { recursive: true });
for (const entry of readdirSync('static')) {
	if (entry === 'data') continue;
	rmSync(join(STATIC, entry), { recursive: true, force: true });
	cpSync(join('static', entry), join(STATIC, entry), { recursive: true });
}
console.log(`Publishing the public marts (counts of people under ${minCell} withheld)…`);
const result = await runPipeline({
	inDir: RAW,
	referenceDir: REFERENCE,
	outDir: join(STATIC, 'data'),
	maxRejectRate: 0.01,
	rejectsPath: 'data/rejects.csv',
	profile: 'public',
	minCell,
});
if (!result.published) {
	console.error(`Nothing was published: too many rows were rejected; see ${result.rejectsPath}.`);
	process.exit(1);
}
for (const [table, n] of Object.entries(result.manifest?.suppression ?? {})) {
	console.log(`  ${table}: ${n.primary + n.secondary} of ${n.cells} counts withheld (${n.primary} small, ${n.secondary} to protect them)`);
}
console.log('Building the public site…');
process.env.IPS_STATIC_DIR = STATIC;
process.env.IPS_BUILD_DIR = OUT;
const { build } = await import('vite');
await build({ logLevel: 'warn' });
console.log(`Built the public site in ${OUT}/. Serve it with: npm run serve -- ${OUT}`);

/**
 * npm run simulate -- --seed N --from 2015-01 --to 2026-10 --scale S --units-scale U --out data/raw [--faults]
 */
import { parseArgs } from 'node:util';
import { simulate } from './index.ts';

const HELP = `Writes a simulated national IPS landscape in the pipeline's input formats.
The figures are simulated: they describe no real unit, specialist or person.

Usage: npm run simulate -- [options]

  --seed N        random seed; the same options give the same bytes   [1]
  --from YYYY-MM  first month                                          [2015-01]
  --to YYYY-MM    last month                                           [2026-10]
  --scale S       multiplies the activity (team sizes), not the map    [1]
  --units-scale U multiplies the units (a national rollout: more in
                  cities, more municipalities served); the calibration
                  holds at 1                                           [1]
  --out DIR       output folder, replaced whole                        [data/raw]
  --reference DIR folder with areas.csv                                [data/reference/se]
  --faults        add a realistic share of bad rows; faults.json lists
                  each one with the rule the pipeline must reject it by
  --help          show this text`;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function main(argv: string[]): number {
	const { values: args } = parseArgs({
		args: argv,
		options: {
			seed: { type: 'string', default: '1' },
			from: { type: 'string', default: '2015-01' },
			to: { type: 'string', default: '2026-10' },
			scale: { type: 'string', default: '1' },
			'units-scale': { type: 'string', default: '1' },
			out: { type: 'string', default: 'data/raw' },
			reference: { type: 'string', default: 'data/reference/se' },
			faults: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	});
	if (args.help) {
		console.log(HELP);
		return 0;
	}
	const seed = Number(args.seed);
	const scale = Number(args.scale);
	const unitsScale = Number(args['units-scale']);
	const problems = [
		Number.isInteger(seed) ? '' : '--seed must be a whole number',
		Number.isInteger(scale) && scale >= 1 && scale <= 100 ? '' : '--scale must be a whole number from 1 to 100',
		Number.isInteger(unitsScale) && unitsScale >= 1 && unitsScale <= 100 ? '' : '--units-scale must be a whole number from 1 to 100',
		MONTH.test(args.from) && MONTH.test(args.to) && args.from <= args.to ? '' : '--from and --to must be months YYYY-MM, --from first',
	].filter(Boolean);
	if (problems.length) {
		console.error(`${problems.join('; ')}.\n\n${HELP}`);
		return 2;
	}
	const started = performance.now();
	const result = simulate({ seed, scale, unitsScale, from: args.from, to: args.to, out: args.out, referenceDir: args.reference, faults: args.faults });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`Simulated ${result.units.length} units and ${result.reports.toLocaleString('en')} report rows in ${result.files} monthly files` +
			`${args.faults ? `, with ${result.faults} injected faults` : ''}, into ${args.out} in ${seconds} s.`,
	);
	return 0;
}

process.exitCode = main(process.argv.slice(2));

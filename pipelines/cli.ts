/**
 * npm run data -- --in DIR --reference DIR --out DIR [--max-reject-rate R] [--profile public [--min-cell N]]
 *
 * Exit codes: 0 published; 1 too many rejected rows (nothing published, the
 * rejects report is written to the path printed); 2 unusable input; 3 an
 * unexpected error. No stack trace reaches the user.
 */
import { parseArgs } from 'node:util';
import { fileSystemError } from './inputs.ts';
import { InputError, withoutTrace } from './read/errors.ts';
import { runPipeline, type Summary } from './run.ts';
import { RULES } from './schema/rules.ts';
import type { Profile } from '../src/lib/contract/index.ts';

const HELP = `Builds the published marts from weekly specialist reports and unit events.

Usage: npm run data -- [options]

  --in DIR               input folder: units.csv, unit_events.csv and weekly
                         report files (.csv or .jsonl, any subfolder)   [data/raw]
  --reference DIR        folder holding areas.csv                     [data/reference/se]
  --out DIR              published folder, replaced whole on success  [static/data]
  --max-reject-rate R    largest share of rejected rows that still
                         publishes, 0 to 1                            [0.01]
  --as-of DATE           the run's reference date, YYYY-MM-DD: reports for a
                         later week, or submitted more than a day after it,
                         are rejected                                 [today]
  --profile NAME        internal: unit × week marts for a network's own use;
                         public: aggregates only, counts of people under
                         --min-cell withheld with secondary suppression [internal]
  --min-cell N           the public profile's threshold, 2 or more          [5]
  --rejects FILE         the full rejects report (whole bad lines), kept beside
                         the inputs, never published        [data/rejects.csv]
  --quiet                print only the summary line
  --help                 show this text

Exit codes: 0 published; 1 more rows rejected than allowed (nothing published);
2 unusable input (missing folder or file, wrong columns, not UTF-8, overlapping
paths, a symbolic link loop); 3 an unexpected error (nothing published).`;

function main(argv: string[]): Promise<number> | number {
	let args;
	try {
		args = parseArgs({
			args: argv,
			options: {
				in: { type: 'string', default: 'data/raw' },
				reference: { type: 'string', default: 'data/reference/se' },
				out: { type: 'string', default: 'static/data' },
				'max-reject-rate': { type: 'string', default: '0.01' },
				rejects: { type: 'string', default: 'data/rejects.csv' },
				'as-of': { type: 'string' },
				profile: { type: 'string', default: 'internal' },
				'min-cell': { type: 'string', default: '5' },
				quiet: { type: 'boolean', default: false },
				help: { type: 'boolean', default: false },
			},
		}).values;
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${HELP}`);
		return 2;
	}
	if (args.help) {
		console.log(HELP);
		return 0;
	}
	const maxRejectRate = Number(args['max-reject-rate']);
	if (!(maxRejectRate >= 0 && maxRejectRate <= 1)) {
		console.error(`--max-reject-rate must be a number from 0 to 1, not "${args['max-reject-rate']}".`);
		return 2;
	}
	const profile = args.profile;
	if (profile !== 'internal' && profile !== 'public') {
		console.error(`--profile must be internal or public, not "${profile}".`);
		return 2;
	}
	const minCell = Number(args['min-cell']);
	if (!Number.isInteger(minCell) || minCell < 2) {
		console.error(`--min-cell must be a whole number of 2 or more, not "${args['min-cell']}".`);
		return 2;
	}
	if (args['min-cell'] !== '5' && profile !== 'public') {
		console.error('--min-cell applies to the public profile only: add --profile public.');
		return 2;
	}
	return run({ in: args.in, reference: args.reference, out: args.out, rejects: args.rejects, quiet: args.quiet, maxRejectRate, asOf: args['as-of'], profile, minCell });
}

async function run(args: { in: string; reference: string; out: string; rejects: string; quiet: boolean; maxRejectRate: number; asOf?: string; profile: Profile; minCell: number }) {
	const started = performance.now();
	try {
		const result = await runPipeline({
			inDir: args.in,
			referenceDir: args.reference,
			outDir: args.out,
			maxRejectRate: args.maxRejectRate,
			asOf: args.asOf,
			profile: args.profile,
			minCell: args.minCell,
			rejectsPath: args.rejects,
			onProgress: args.quiet ? undefined : (message) => console.error(`… ${((performance.now() - started) / 1000).toFixed(1)} s: ${message}`),
			onNotice: (message) => console.error(`Note: ${message}.`),
		});
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		if (!args.quiet) printSummary(result.summary);
		if (result.published) {
			const profile = args.profile === 'public' ? ` (public profile: counts of people under ${args.minCell} suppressed)` : '';
			console.log(`Published ${args.out}${profile} in ${seconds} s. Rejects report: ${result.rejectsPath}`);
			return 0;
		}
		console.error(
			`Nothing was published: ${pct(result.summary.reject_rate)} of rows were rejected, more than the ${pct(args.maxRejectRate)} allowed ` +
				`(--max-reject-rate). ${args.out} is unchanged. Rejects report: ${result.rejectsPath}`,
		);
		return 1;
	} catch (error) {
		if (error instanceof InputError) {
			console.error(`Cannot run: ${error.message}`);
			return 2;
		}
		// A file-system error the checks did not foresee still names its path, never as a stack trace.
		const { code, path } = error as NodeJS.ErrnoException;
		if (code && path) {
			console.error(`Cannot run: ${fileSystemError(path, error).message}`);
			return 2;
		}
		console.error(`Stopped by an unexpected error: ${withoutTrace((error as Error).message ?? String(error))}. Nothing was published; ${args.out} is unchanged.`);
		return 3;
	}
}

const pct = (share: number) => `${(share * 100).toFixed(2)} %`;
const n = (value: number) => value.toLocaleString('en');

function printSummary(s: Summary) {
	console.log(
		`Read ${n(s.rows_read)} rows (${n(s.inputs.report_rows)} reports in ${n(s.inputs.report_files)} files, ` +
			`${n(s.inputs.unit_rows)} units, ${n(s.inputs.event_rows)} unit events).`,
	);
	console.log(
		`Reports accepted ${n(s.reports_accepted)}, replaced by a later revision ${n(s.revisions_replaced)}, ` +
			`duplicates counted once ${n(s.duplicates)}, published ${n(s.reports_published)}.`,
	);
	console.log(`Rejected ${n(s.rows_rejected)} rows (${pct(s.reject_rate)}).`);
	if (s.warnings.length) {
		console.log(`Warnings: ${n(s.warnings.length)} values kept but implausible for their unit (more than 50 times its median):`);
		for (const w of s.warnings.slice(0, 5)) console.log(`    ${w.file}:${w.line} ${w.column}=${w.value} (the unit's median is ${w.usual})`);
	}
	for (const [rule, entry] of Object.entries(s.rejects_by_rule)) {
		console.log(`  ${rule} (${n(entry.rows)}): ${RULES[rule as keyof typeof RULES]}`);
		for (const e of entry.examples) console.log(`    ${e.file}:${e.line} ${e.column}=${JSON.stringify(e.value)}`);
	}
}

process.exitCode = await main(process.argv.slice(2));

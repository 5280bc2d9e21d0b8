/** Finding the input files: units.csv and unit_events.csv at the top, weekly reports anywhere below. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from './read/errors.ts';
import { isTableFile } from './read/table.ts';

export const UNITS_FILE = 'units.csv';
export const EVENTS_FILE = 'unit_events.csv';

export interface InputFiles {
	units: string;
	events: string;
	/** Report files as paths relative to the input folder, sorted, `/`-separated. */
	reports: string[];
}

export function findInputs(inDir: string): InputFiles {
	if (!existsSync(inDir) || !statSync(inDir).isDirectory()) {
		throw new InputError(`Input folder ${inDir} does not exist. Point --in at the folder holding units.csv, unit_events.csv and the weekly reports.`);
	}
	for (const name of [UNITS_FILE, EVENTS_FILE]) {
		if (!existsSync(join(inDir, name))) throw new InputError(`${join(inDir, name)} is missing: every run needs units.csv and unit_events.csv.`);
	}
	const reports = (readdirSync(inDir, { recursive: true }) as string[])
		.map((path) => relative(inDir, join(inDir, path)).split(sep).join('/'))
		.filter((path) => path !== UNITS_FILE && path !== EVENTS_FILE && isTableFile(path) && statSync(join(inDir, path)).isFile())
		.sort();
	if (reports.length === 0) {
		throw new InputError(`No weekly report files (.csv, .jsonl) were found in ${inDir}.`);
	}
	return { units: UNITS_FILE, events: EVENTS_FILE, reports };
}

/**
 * Finding the input files: units.csv and unit_events.csv at the top, weekly
 * reports anywhere below. The walk follows a symbolic link, but a folder is
 * entered once (by device and inode): a link back up the tree is a loop,
 * and a link to nothing is an error, both named. A file reached twice
 * through links is read once.
 */
import { lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
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

/** stat that names the path and says what to do, instead of a bare system error. */
export function statPath(path: string, follow = true): Stats {
	try {
		return follow ? statSync(path) : lstatSync(path);
	} catch (error) {
		throw fileSystemError(path, error);
	}
}

/** A file-system error as an input problem (exit 2) that names the path and what to do. */
export function fileSystemError(path: string, error: unknown): InputError {
	const code = (error as NodeJS.ErrnoException).code;
	const what: Record<string, string> = {
		ENOENT: 'does not exist',
		ELOOP: 'is a symbolic link that leads back to itself',
		EACCES: 'cannot be read with your permissions',
		EPERM: 'cannot be read with your permissions',
		EISDIR: 'is a folder where a file was expected',
		ENOTDIR: 'lies under something that is not a folder',
		EMFILE: 'could not be opened: too many open files',
	};
	return new InputError(`${path} ${what[code ?? ''] ?? `cannot be used (${code ?? String(error)})`}. Fix or remove it and run again.`);
}

export function findInputs(inDir: string): InputFiles {
	const top = statPathOr(inDir, () => `Input folder ${inDir} does not exist. Point --in at the folder holding units.csv, unit_events.csv and the weekly reports.`);
	if (!top.isDirectory()) throw new InputError(`--in ${inDir} is not a folder. Point it at the folder holding units.csv, unit_events.csv and the weekly reports.`);
	for (const name of [UNITS_FILE, EVENTS_FILE]) {
		const stats = statPathOr(join(inDir, name), () => `${join(inDir, name)} is missing: every run needs units.csv and unit_events.csv.`);
		if (!stats.isFile()) throw new InputError(`${join(inDir, name)} is not a file.`);
	}
	const reports = walk(inDir).filter((path) => path !== UNITS_FILE && path !== EVENTS_FILE && isTableFile(path)).sort();
	if (reports.length === 0) throw new InputError(`No weekly report files (.csv, .jsonl) were found in ${inDir}.`);
	return { units: UNITS_FILE, events: EVENTS_FILE, reports };
}

function statPathOr(path: string, missing: () => string): Stats {
	try {
		return statSync(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' && lstatOrNull(path) === null) throw new InputError(missing());
		throw fileSystemError(path, error);
	}
}

const lstatOrNull = (path: string) => {
	try {
		return lstatSync(path);
	} catch {
		return null;
	}
};

/** Every file below `root`, as `/`-separated paths relative to it, each file once. */
function walk(root: string): string[] {
	const files: string[] = [];
	const seenFolders = new Set<string>();
	const seenFiles = new Set<string>();
	const identity = (stats: Stats) => `${stats.dev}:${stats.ino}`;
	const visit = (path: string, relative: string) => {
		seenFolders.add(identity(statPath(path)));
		let entries;
		try {
			entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
		} catch (error) {
			throw fileSystemError(path, error);
		}
		for (const entry of entries) {
			const full = join(path, entry.name);
			const rel = relative ? `${relative}/${entry.name}` : entry.name;
			let stats: Stats;
			try {
				stats = statSync(full);
			} catch (error) {
				if (entry.isSymbolicLink()) {
					const target = readlinkOrNull(full);
					if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new InputError(`${full} is a symbolic link that leads back to itself (→ ${target}). Remove it and run again.`);
					throw new InputError(`${full} is a symbolic link to nothing (→ ${target}). Remove it or restore its target, and run again.`);
				}
				throw fileSystemError(full, error);
			}
			if (stats.isDirectory()) {
				if (seenFolders.has(identity(stats))) {
					throw new InputError(`${full} leads to a folder already read (→ ${readlinkOrNull(full) ?? entry.name}): a loop, or a second way to the same reports. Remove it and run again.`);
				}
				visit(full, rel);
			} else if (stats.isFile() && !seenFiles.has(identity(stats))) {
				seenFiles.add(identity(stats));
				files.push(rel);
			}
		}
	};
	visit(root, '');
	return files;
}

const readlinkOrNull = (path: string) => {
	try {
		return readlinkSync(path);
	} catch {
		return null;
	}
};

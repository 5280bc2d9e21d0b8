/**
 * Guarding the operator's paths before anything is read or written: the
 * published folder, the rejects report and the staging folders beside them
 * must not overlap the inputs or the reference folder, in either direction,
 * and --out must not be a file. A run that would delete or re-read its own
 * input stops with exit 2, naming both paths.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from './read/errors.ts';

/** A path with links resolved as far as it exists (an output may not exist yet). */
export function realPath(path: string): string {
	const absolute = resolve(path);
	if (existsSync(absolute)) return realpathSync(absolute);
	const parent = dirname(absolute);
	return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

/** Whether `inner` is `outer` or lies inside it. */
export function within(inner: string, outer: string): boolean {
	const rel = relative(outer, inner);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const overlap = (a: string, b: string) => within(a, b) || within(b, a);

export interface RunPaths {
	inDir: string;
	referenceDir: string;
	outDir: string;
	rejectsPath: string;
}

/** Refuses every overlap of what a run writes with what it reads. */
export function checkPaths(paths: RunPaths) {
	const real = {
		in: realPath(paths.inDir),
		reference: realPath(paths.referenceDir),
		out: realPath(paths.outDir),
		rejects: realPath(paths.rejectsPath),
	};
	if (existsSync(real.out) && !statSync(real.out).isDirectory()) {
		throw new InputError(`--out ${paths.outDir} is a file, not a folder: name a folder for the published marts (it is replaced whole).`);
	}
	// The staging and previous folders are siblings of --out: they overlap what --out's parent overlaps.
	const written: [string, string, string][] = [
		['--out', paths.outDir, real.out],
		['the staging folder beside --out', join(dirname(paths.outDir), `.${basename(paths.outDir)}.staging-*`), join(dirname(real.out), `.${basename(real.out)}.staging`)],
		['--rejects', paths.rejectsPath, real.rejects],
	];
	const read: [string, string, string][] = [
		['--in', paths.inDir, real.in],
		['--reference', paths.referenceDir, real.reference],
	];
	for (const [writtenName, writtenPath, writtenReal] of written) {
		for (const [readName, readPath, readReal] of read) {
			if (overlap(writtenReal, readReal)) {
				throw new InputError(
					`${writtenName} (${writtenPath}) and ${readName} (${readPath}) overlap: the run would ` +
						`${within(readReal, writtenReal) ? 'replace or delete its own input' : 'read its own output as input'}. ` +
						'Choose folders apart from each other.',
				);
			}
		}
	}
	if (within(real.rejects, real.out)) {
		throw new InputError(`--rejects (${paths.rejectsPath}) lies inside --out (${paths.outDir}): the full rejects report holds whole bad lines and must never be published.`);
	}
}

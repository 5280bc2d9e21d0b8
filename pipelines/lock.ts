/**
 * One run at a time per published folder: a lock file beside --out, taken
 * before anything is staged, naming its holder (process, host, start). A
 * lock whose process is gone is taken over, and the run says so.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { InputError } from './read/errors.ts';

interface Holder {
	pid: number;
	host: string;
	started: string;
}

export const lockPath = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.lock`);

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/** Takes the lock of `outDir`; returns its release. `notice` hears of a stale lock taken over. */
export function lockOutput(outDir: string, notice: (message: string) => void): () => void {
	const path = lockPath(outDir);
	mkdirSync(dirname(path), { recursive: true });
	const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, `${JSON.stringify(me)}\n`);
			closeSync(fd);
			return () => {
				// Only our own lock is removed.
				if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = readHolder(path);
		if (holder && (holder.host !== me.host || alive(holder.pid))) {
			throw new InputError(
				`Another run (process ${holder.pid} on ${holder.host}, started ${holder.started}) is publishing to ${outDir}. ` +
					`Wait for it to finish; if it is gone, remove ${path}.`,
			);
		}
		notice(`took over a stale lock on ${outDir}${holder ? ` left by process ${holder.pid}, started ${holder.started}` : ''}`);
		rmSync(path, { force: true });
	}
	throw new InputError(`Could not take the lock ${path}: another run took it first. Run again when it has finished.`);
}

function readHolder(path: string): Holder | null {
	try {
		const holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
		return typeof holder.pid === 'number' ? holder : null;
	} catch {
		return null;
	}
}

/**
 * The data contract ($lib/contract) is what the pipeline publishes and the
 * site reads: every published file is checked against it, and the site's
 * code takes nothing from the pipeline.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { BOUNDARIES_FILE, MARTS, PROFILE_MARTS, manifestSchema, type Profile } from '$lib/contract';
import { FIXTURES, readArrow, run, tempDir } from '../helpers.ts';

describe('the published marts', () => {
	it.each(['internal', 'public'] as Profile[])('have exactly the contract’s columns and types, in Parquet and in Arrow: %s profile', async (profile) => {
		const out = join(tempDir(), 'out');
		const result = await run(join(FIXTURES, 'small'), { outDir: out, profile });
		expect(result.published).toBe(true);
		expect(result.manifest?.profile).toBe(profile);
		const conn = await (await DuckDBInstance.create(':memory:')).connect();
		const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
		for (const name of PROFILE_MARTS[profile]) {
			const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(out, `${name}.parquet`)}')`)).getRows();
			expect(Object.fromEntries(described.map(([column, type]) => [column, type])), name).toEqual(MARTS[name]);
			// A mart in parts (the units' rows): every part has the columns.
			const facts = manifest.marts[name]!;
			const arrows = 'parts' in facts ? [...(facts.cells ? [facts.cells.file] : []), ...facts.parts.map((part) => part.file)] : [`${name}.arrow`];
			expect(arrows.length, name).toBeGreaterThan(0);
			for (const file of arrows) expect(readArrow(join(out, file)).schema.fields.map((f) => f.name), file).toEqual(Object.keys(MARTS[name]));
		}
		// A country without boundaries publishes none, and the manifest says so.
		expect(manifest.boundaries).toBeNull();
		expect(readdirSync(out)).not.toContain(BOUNDARIES_FILE);
	});

	it('carry the country’s boundaries when its reference folder has them, checked against the areas', async () => {
		const out = join(tempDir(), 'out');
		const result = await run(join(FIXTURES, 'small'), { outDir: out, referenceDir: join(FIXTURES, 'reference-with-boundaries') });
		expect(result.published).toBe(true);
		const published = readFileSync(join(out, BOUNDARIES_FILE), 'utf8');
		expect(published).toBe(readFileSync(join(FIXTURES, 'reference-with-boundaries', BOUNDARIES_FILE), 'utf8'));
		expect(result.manifest?.boundaries?.bytes).toBe(Buffer.byteLength(published));
	});

	it('refuses boundaries whose feature names a municipality the areas do not have, naming the file and feature', async () => {
		const reference = tempDir();
		cpSync(join(FIXTURES, 'reference-with-boundaries'), reference, { recursive: true });
		const path = join(reference, BOUNDARIES_FILE);
		writeFileSync(path, readFileSync(path, 'utf8').replace('"code": "B02"', '"code": "Z99"'));
		await expect(run(join(FIXTURES, 'small'), { referenceDir: reference })).rejects.toThrow(
			`${path}, feature 4: properties.code "Z99" is not a code in areas.csv.`,
		);
	});
});

describe('the site’s code', () => {
	it('imports nothing from pipelines/ but in src/lib/check (input validation reaches the browser only on the check page)', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) => {
				const path = join(dir, name);
				return statSync(path).isDirectory() ? files(path) : [path];
			});
		// src/server holds npm start and the static server: Node programs that run the pipeline, not the site.
		const site = files('src').filter((f) => !f.startsWith(join('src', 'server')) && /\.(ts|js|svelte)$/.test(f));
		expect(site.length).toBeGreaterThan(30);
		const importers = site.filter((f) => /from\s+['"][^'"]*pipelines\//.test(readFileSync(f, 'utf8'))).map((f) => relative('.', f));
		// The check's worker, its messages and its rejects (the e2e tests check that no other page's client code holds them).
		expect(importers.filter((f) => !f.startsWith(join('src', 'lib', 'check') + sep))).toEqual([]);
		expect(importers.length).toBeGreaterThan(0);
	});
});

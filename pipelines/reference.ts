/**
 * The reference geography (areas.csv). It is our own published fact base, so
 * a bad row is not rejected and skipped: the run stops and names it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './read/errors.ts';
import { readTable } from './read/file.ts';
import { fromIssues, fromUnreadable } from './rejects.ts';
import { BOUNDARIES_FILE } from '../src/lib/contract/index.ts';
import { AREA_COLUMNS, areaSchema, type Area } from './schema/index.ts';

export function readAreas(referenceDir: string): Area[] {
	const path = join(referenceDir, 'areas.csv');
	if (!existsSync(path)) throw new InputError(`${path} is missing: --reference must name a folder with areas.csv.`);
	const table = readTable(path, path, AREA_COLUMNS);
	const problems: ReturnType<typeof fromUnreadable>[] = [];
	const areas: Area[] = [];
	const codes = new Set<string>();
	for (const row of table.rows) {
		const parsed = areaSchema.safeParse(row.cells);
		if (!parsed.success) problems.push(...fromIssues(path, row.line, row.cells, parsed.error.issues));
		else if (codes.has(parsed.data.code)) throw new InputError(`${path}, line ${row.line}: code ${parsed.data.code} appears twice.`);
		else {
			codes.add(parsed.data.code);
			areas.push(parsed.data);
		}
	}
	problems.push(...table.unreadable.map((row) => fromUnreadable(path, row)));
	if (problems.length) {
		const first = problems.slice(0, 5).map((p) => `  line ${p.line}, ${p.column}: "${p.value}" ${p.message}`);
		throw new InputError(`${path} has ${problems.length} bad value(s):\n${first.join('\n')}`);
	}
	if (areas.length === 0) throw new InputError(`${path} lists no areas.`);
	return areas;
}

/**
 * The country's municipal boundaries (optional): a GeoJSON FeatureCollection
 * whose features carry the `code` of an area in areas.csv. Published as it
 * is; a country without it gets a tile-grid map. Returns the file's text, or
 * null when there is none.
 */
export function readBoundaries(referenceDir: string, areas: readonly Area[]): string | null {
	const path = join(referenceDir, BOUNDARIES_FILE);
	if (!existsSync(path)) return null;
	const text = readFileSync(path, 'utf8');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new InputError(`${path} is not valid JSON (${(error as Error).message}).`);
	}
	const features = (parsed as { type?: unknown; features?: unknown }).features;
	if ((parsed as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray(features)) {
		throw new InputError(`${path} is not a GeoJSON FeatureCollection.`);
	}
	const codes = new Set(areas.map((a) => a.code));
	for (const [i, feature] of features.entries()) {
		const code = (feature as { properties?: { code?: unknown } })?.properties?.code;
		if (typeof code !== 'string' || !codes.has(code)) {
			throw new InputError(`${path}, feature ${i + 1}: properties.code ${JSON.stringify(code)} is not a code in areas.csv.`);
		}
	}
	return text;
}

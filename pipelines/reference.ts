/**
 * The reference geography (areas.csv). It is our own published fact base, so
 * a bad row is not rejected and skipped: the run stops and names it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from './read/errors.ts';
import { readTable } from './read/table.ts';
import { fromIssues, fromUnreadable } from './rejects.ts';
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

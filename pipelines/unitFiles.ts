/**
 * units.csv and unit_events.csv, checked row by row: each row against its
 * schema, a unit's region against the reference areas. No file system here:
 * the pipeline (./run.ts) and the browser's check (src/lib/check) read the
 * tables their own way and hand them in.
 */
import type { LocatedEvent, LocatedUnit } from './fold.ts';
import type { Table } from './read/table.ts';
import { fromIssues, fromUnreadable, reject } from './rejects.ts';
import { unitEventSchema, unitSchema } from './schema/index.ts';
import type { RejectSink } from './stage/validateRow.ts';

export interface Checked<T> {
	valid: T[];
	/** Every data row in the file, readable or not. */
	rows: number;
}

/** The valid units, and the lines of those rejected (so that their events can say so). */
export function checkUnits(table: Table, regions: ReadonlySet<string>, rejects: RejectSink): Checked<LocatedUnit> & { rejected: Map<string, number> } {
	const file = table.file;
	const units: LocatedUnit[] = [];
	const rejected = new Map<string, number>();
	for (const row of table.rows) {
		const parsed = unitSchema.safeParse(row.cells);
		if (!parsed.success) {
			rejects.push(...fromIssues(file, row.line, row.cells, parsed.error.issues));
			if (row.cells.unit_id) rejected.set(row.cells.unit_id, row.line);
		} else if (!regions.has(parsed.data.region_code)) {
			rejects.push(reject(file, row.line, 'region_code', parsed.data.region_code, 'region_unknown'));
			rejected.set(parsed.data.unit_id, row.line);
		} else units.push({ ...parsed.data, file, line: row.line });
	}
	rejects.push(...table.unreadable.map((row) => fromUnreadable(file, row)));
	return { valid: units, rows: table.count, rejected };
}

export function checkEvents(table: Table, rejects: RejectSink): Checked<LocatedEvent> {
	const file = table.file;
	const events: LocatedEvent[] = [];
	for (const row of table.rows) {
		const parsed = unitEventSchema.safeParse(row.cells);
		if (!parsed.success) rejects.push(...fromIssues(file, row.line, row.cells, parsed.error.issues));
		else events.push({ ...parsed.data, file, line: row.line });
	}
	rejects.push(...table.unreadable.map((row) => fromUnreadable(file, row)));
	return { valid: events, rows: table.count };
}

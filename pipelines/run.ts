/**
 * One pipeline run: read → validate → fold events → resolve revisions →
 * aggregate → write. Returns what happened; the CLI decides what to print.
 * Throws InputError for input it cannot use at all (exit code 2).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadTable, openDatabase, sqlFile } from './db.ts';
import { foldUnits, type UnitLife } from './fold.ts';
import { stageReports } from './stage/index.ts';
import { InputError } from './read/errors.ts';
import { EVENTS_FILE, findInputs, UNITS_FILE } from './inputs.ts';
import { checkEvents, checkUnits } from './unitFiles.ts';
import { REVISION_REJECTS_SQL, revisionReject } from './revisions.ts';
import { lockOutput } from './lock.ts';
import { checkPaths } from './paths.ts';
import { readTable } from './read/file.ts';
import { readAreas, readBoundaries } from './reference.ts';
import type { Reject } from './rejects.ts';
import { RejectLog } from './rejectLog.ts';
import { UNIT_COLUMNS, UNIT_EVENT_COLUMNS, type Rule } from './schema/index.ts';
import { formatDate, formatIsoWeek, parseIsoDate, todayDay } from './schema/time.ts';
import { tilePositions } from './tiles.ts';
import { BOUNDARIES_FILE, fidelityLevelSql, fidelityMartSql, PROFILE_MARTS, REJECTS_SUMMARY_FILE, unitCellsOf, type FileFacts, type Manifest, type MartFacts, type Profile } from '../src/lib/contract/index.ts';
import { SHARED_STATEMENTS } from '../src/lib/metrics/shared.ts';
import { buildAggregateMarts } from './cells.ts';
import { buildPublicMarts, DEFAULT_MIN_CELL, type SuppressionCounts } from './public.ts';
import { recoverInterruptedSwap, stagingFolder, swapInto, writeFileAtomic, writeMart } from './write.ts';

export const SCHEMA_VERSION = 1;

export interface RunOptions {
	inDir: string;
	referenceDir: string;
	outDir: string;
	/** Largest share of rejected rows that still publishes (0.01 = 1 %). */
	maxRejectRate: number;
	/** The run's reference date, YYYY-MM-DD: reports dated after it are rejected (default: today). */
	asOf?: string;
	/**
	 * Where the full rejects report goes, published or not: beside the inputs,
	 * never in the published folder (a bad line may hold a pseudonym). The
	 * published folder gets rejects_summary.csv, counts only.
	 */
	rejectsPath: string;
	/** internal (default): unit × week marts and spells; public: aggregates only, counts of people under minCell suppressed. */
	profile?: Profile;
	/** The public profile's threshold: counts of people from 1 to minCell − 1 are withheld (default 5). */
	minCell?: number;
	/** The most rows of a part of a mart written in parts (default PART_ROWS; the browser tests cut the units' rows smaller, to fetch parts as a large network would). */
	partRows?: number;
	onProgress?: (message: string) => void;
	/** Hears what the operator should know although nothing failed (a stale lock taken over, a swap recovered). */
	onNotice?: (message: string) => void;
}

/** A kept value that is implausible for its unit. */
export interface Warning {
	file: string;
	line: number;
	column: string;
	value: number;
	/** The unit's median of the column. */
	usual: number;
}

export interface Summary {
	inputs: { report_files: number; report_rows: number; unit_rows: number; event_rows: number };
	rows_read: number;
	rows_rejected: number;
	reject_rate: number;
	reports_accepted: number;
	reports_published: number;
	revisions_replaced: number;
	duplicates: number;
	rejects_by_rule: Partial<Record<Rule, { rows: number; examples: Reject[] }>>;
	/** Values kept but implausible for their unit (more than 50 times its median). */
	warnings: Warning[];
}

export interface RunResult {
	published: boolean;
	summary: Summary;
	/** The full rejects report. */
	rejectsPath: string;
	/** The published folder (unchanged when nothing was published). */
	outDir: string;
	manifest?: Manifest;
}

export async function runPipeline(options: RunOptions): Promise<RunResult> {
	const progress = options.onProgress ?? (() => {});
	checkPaths({ inDir: options.inDir, referenceDir: options.referenceDir, outDir: options.outDir, rejectsPath: options.rejectsPath });
	const release = lockOutput(options.outDir, (message) => (options.onNotice ?? console.warn)(message));
	try {
		recoverInterruptedSwap(options.outDir, options.onNotice ?? console.warn);
		return await publish(options, progress);
	} finally {
		release();
	}
}

async function publish(options: RunOptions, progress: (message: string) => void): Promise<RunResult> {
	const inputs = findInputs(options.inDir);
	const areas = readAreas(options.referenceDir);
	const boundaries = readBoundaries(options.referenceDir, areas);

	const spill = mkdtempSync(join(tmpdir(), 'ips-duckdb-'));
	const conn = await openDatabase(spill);
	try {
		const log = await RejectLog.open(conn);
		const units = checkUnits(readTable(join(options.inDir, UNITS_FILE), UNITS_FILE, UNIT_COLUMNS), new Set(areas.map((a) => a.region_code)), log);
		const events = checkEvents(readTable(join(options.inDir, EVENTS_FILE), EVENTS_FILE, UNIT_EVENT_COLUMNS), log);
		const folded = foldUnits(units.valid, events.valid, new Set(areas.map((a) => a.code)), units.rejected);
		log.add(folded.rejects);

		const asOfDay = options.asOf === undefined ? todayDay() : parseIsoDate(options.asOf);
		if (asOfDay === undefined) throw new InputError(`--as-of ${options.asOf} is not a date written YYYY-MM-DD.`);
		const staged = await stageReports(conn, options.inDir, inputs.reports, folded.lives, progress, asOfDay, undefined, log);
		const reportRows = staged.rows;
		progress('resolving revisions');
		await conn.run(sqlFile('resolve_reports'));
		log.add(await revisionRejects(conn, inputs.reports));
		log.close();
		await conn.run(sqlFile('plausibility'));
		const warnings = (await conn.runAndReadAll('SELECT file_idx, line, column_name, value, median FROM report_warnings')).getRowsJS().map(
			([fileIdx, line, column, value, usual]): Warning => ({ file: inputs.reports[Number(fileIdx)]!, line: Number(line), column: String(column), value: Number(value), usual: Number(usual) }),
		);

		const counts = (await conn.runAndReadAll(
			`SELECT accepted::INTEGER, published::INTEGER, replaced::INTEGER, duplicates::INTEGER FROM revision_counts`,
		)).getRows()[0] as number[];
		const rowsRead = reportRows + units.rows + events.rows;
		const rejected = await log.counts();
		const summary: Summary = {
			inputs: { report_files: inputs.reports.length, report_rows: reportRows, unit_rows: units.rows, event_rows: events.rows },
			rows_read: rowsRead,
			rows_rejected: rejected.rows,
			reject_rate: rowsRead === 0 ? 0 : rejected.rows / rowsRead,
			reports_accepted: counts[0]!,
			reports_published: counts[1]!,
			revisions_replaced: counts[2]!,
			duplicates: counts[3]!,
			rejects_by_rule: await log.byRule(),
			warnings,
		};
		const accounting = await accountFor(conn, inputs.reports, await log.rejectedLines(), { units: units.rows, events: events.rows, published: folded.lives.size });

		mkdirSync(dirname(options.rejectsPath), { recursive: true });
		await log.writeCsv(options.rejectsPath);
		if (summary.reject_rate > options.maxRejectRate) return { published: false, summary, rejectsPath: options.rejectsPath, outDir: options.outDir };

		progress('aggregating');
		await loadFolded(conn, folded.lives, areas);
		await conn.run(`CREATE OR REPLACE TEMP MACRO fidelity_level(score) AS ${fidelityLevelSql('score')}`);
		for (const mart of ['specialist_spells', 'unit_week', 'units', 'unit_areas', 'unit_funding', 'fidelity', 'areas']) await conn.run(sqlFile(mart));
		const profile = options.profile ?? 'internal';
		const minCell = options.minCell ?? DEFAULT_MIN_CELL;
		// The shared predicates the cells use, as the site defines them (the rest read the site's tables).
		for (const statement of SHARED_STATEMENTS.filter((s) => /MACRO (open_on|open_in_week|served_on|quarter_of|quarters_between)\(/.test(s))) await conn.run(statement);
		let suppression: SuppressionCounts | undefined;
		if (profile === 'public') {
			progress(`suppressing counts of people under ${minCell}`);
			suppression = await buildPublicMarts(conn, minCell);
		} else {
			progress('summing the cube and staffing');
			await buildAggregateMarts(conn);
		}
		// Each review's outcome window, from the units' cells this profile publishes.
		await conn.run(fidelityMartSql('mart_fidelity', 'fidelity_reviews', unitCellsOf(profile, (mart) => `mart_${mart}`)));

		const staging = stagingFolder(options.outDir);
		let swapped = false;
		try {
			const marts: Record<string, MartFacts> = {};
			for (const mart of PROFILE_MARTS[profile]) {
				progress(`writing ${mart}`);
				marts[mart] = await writeMart(conn, `mart_${mart}`, staging, mart, options.partRows);
			}
			const rejectsSummary = await log.summaryCsv();
			writeFileAtomic(join(staging, REJECTS_SUMMARY_FILE), rejectsSummary);
			if (boundaries !== null) writeFileAtomic(join(staging, BOUNDARIES_FILE), boundaries);
			const manifest = await buildManifest(conn, marts, summary, rejected.problems, rejectsSummary, boundaries, accounting, {
				profile,
				min_cell: profile === 'public' ? minCell : null,
				...(suppression ? { suppression } : {}),
			});
			writeFileAtomic(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
			swapInto(staging, options.outDir);
			swapped = true;
			return { published: true, summary, rejectsPath: options.rejectsPath, outDir: options.outDir, manifest };
		} finally {
			// Where --out is a link, the staging folder is the version it now leads to.
			if (!swapped) rmSync(staging, { recursive: true, force: true });
		}
	} finally {
		conn.closeSync();
		rmSync(spill, { recursive: true, force: true });
	}
}

type Accounting = NonNullable<Manifest['inputs']['accounting']>;

/**
 * Where every row read went, file by file: a report row is published,
 * replaced by a later revision, a duplicate of one counted, or rejected; a
 * unit row is published or rejected; an event is used or rejected.
 */
async function accountFor(conn: DuckDBConnection, files: readonly string[], rejected: ReadonlyMap<string, number>, n: { units: number; events: number; published: number }): Promise<Accounting> {
	const rejectedLines = (file: string) => rejected.get(file) ?? 0;
	const revisions = new Map(
		(await conn.runAndReadAll('SELECT file_idx, published, replaced, duplicates FROM revision_by_file')).getRowsJS().map(([idx, ...counts]) => [Number(idx), counts.map(Number)]),
	);
	const reports = files.map((file, idx) => {
		const [published, replaced, duplicates] = revisions.get(idx) ?? [0, 0, 0];
		const rejected = rejectedLines(file);
		return { file, rows: published! + replaced! + duplicates! + rejected, published: published!, replaced: replaced!, duplicates: duplicates!, rejected };
	});
	return {
		reports,
		units: { rows: n.units, published: n.published, rejected: rejectedLines(UNITS_FILE) },
		events: { rows: n.events, used: n.events - rejectedLines(EVENTS_FILE), rejected: rejectedLines(EVENTS_FILE) },
	};
}

async function revisionRejects(conn: DuckDBConnection, files: readonly string[]): Promise<Reject[]> {
	return (await conn.runAndReadAll(REVISION_REJECTS_SQL)).getRowsJS().map((row) => revisionReject(files, row));
}

async function loadFolded(conn: DuckDBConnection, lives: ReadonlyMap<string, UnitLife>, areas: ReturnType<typeof readAreas>) {
	const ordered = [...lives.values()].sort((a, b) => (a.unit_id < b.unit_id ? -1 : 1));
	await loadTable(conn, 'unit_lives', {
		unit_id: 'VARCHAR', name: 'VARCHAR', org_type: 'VARCHAR', host: 'VARCHAR', region_code: 'VARCHAR',
		opened_on: 'DATE', closed_on: 'DATE', funding_initial: 'VARCHAR', funding_current: 'VARCHAR',
	}, ordered as unknown as Record<string, unknown>[]);
	await loadTable(conn, 'unit_area_periods', { unit_id: 'VARCHAR', area_code: 'VARCHAR', valid_from: 'DATE', valid_to: 'DATE' },
		ordered.flatMap((u) => u.areas.map((a) => ({ unit_id: u.unit_id, ...a }))));
	await loadTable(conn, 'unit_funding_periods', { unit_id: 'VARCHAR', funding: 'VARCHAR', valid_from: 'DATE', valid_to: 'DATE' },
		ordered.flatMap((u) => u.funding.map((f) => ({ unit_id: u.unit_id, ...f }))));
	await loadTable(conn, 'fidelity', { unit_id: 'VARCHAR', reviewed_on: 'DATE', score: 'INTEGER' },
		ordered.flatMap((u) => u.reviews.map((r) => ({ unit_id: u.unit_id, ...r }))));
	const tiles = tilePositions(areas);
	await loadTable(conn, 'area_tiles', {
		code: 'VARCHAR', name: 'VARCHAR', region_code: 'VARCHAR', region_name: 'VARCHAR', population: 'INTEGER',
		population_year: 'INTEGER', lat: 'DOUBLE', lon: 'DOUBLE', tile_col: 'INTEGER', tile_row: 'INTEGER',
	}, areas.map((a) => ({ ...a, ...tiles.get(a.code)! })));
}

async function buildManifest(
	conn: DuckDBConnection,
	marts: Record<string, MartFacts>,
	summary: Summary,
	problems: number,
	rejectsSummary: string,
	boundaries: string | null,
	accounting: Accounting,
	publication: Pick<Manifest, 'profile' | 'min_cell' | 'suppression'>,
): Promise<Manifest> {
	const [first, last] = (await conn.runAndReadAll(`SELECT min(week), max(week) FROM reports`)).getRowsJS()[0] as (Date | null)[];
	const [expected, reported] = (await conn.runAndReadAll(sqlFile('completeness'))).getRowsJS()[0] as number[];
	const day = (d: Date) => Math.round(d.getTime() / 86_400_000);
	return {
		schema_version: SCHEMA_VERSION,
		...publication,
		data_period:
			first && last
				? { first_week: formatDate(day(first)), last_week: formatDate(day(last)), first_iso_week: formatIsoWeek(day(first)), last_iso_week: formatIsoWeek(day(last)) }
				: null,
		marts,
		boundaries: boundaries === null ? null : textFacts(boundaries),
		rejects: {
			rows: summary.rows_rejected,
			problems,
			by_rule: Object.fromEntries(Object.entries(summary.rejects_by_rule).map(([rule, v]) => [rule, v.rows])),
			summary: textFacts(rejectsSummary),
		},
		revisions: { replaced: summary.revisions_replaced, duplicates: summary.duplicates },
		// Counts only: a warning's line may belong to a small unit.
		warnings: {
			rows: new Set(summary.warnings.map((w) => `${w.file}\u0000${w.line}`)).size,
			by_column: Object.fromEntries(
				[...new Set(summary.warnings.map((w) => w.column))].sort().map((column) => [column, summary.warnings.filter((w) => w.column === column).length]),
			),
		},
		inputs: { ...summary.inputs, accounting },
		completeness: {
			expected_unit_weeks: expected!,
			reported_unit_weeks: reported!,
			share: expected ? Math.round((reported! / expected) * 10000) / 10000 : null,
		},
	};
}

const textFacts = (text: string): FileFacts => ({ bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });

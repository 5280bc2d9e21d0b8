/**
 * Build time: the published marts are read with DuckDB in Node, and each
 * view's own `load` runs on them for the default filters, so the first paint
 * needs no WebAssembly. The same queries run in the browser for every other
 * state.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BOUNDARIES_FILE, manifestSchema, type Manifest } from '$lib/contract';
import type { Database } from '$lib/db/database';
import type { Params } from '$lib/db/statement';
import { DEFAULT_FILTERS } from '$lib/filters';
import { answeredState } from '$lib/views/answered';
import { defaultPeriod, quartersBetween, type UnitChoice, type ViewContext, type ViewDefinition } from '$lib/views/context';
import { tableFromIPC } from 'apache-arrow';
import { unitProfile, type UnitProfile } from '$lib/views/unit';
import { martsDatabase } from './database';

/** The published marts the site is built from (the end-to-end tests point elsewhere). */
export const DATA_DIR = resolve(process.env.IPS_STATIC_DIR ?? 'static', 'data');

interface Built {
	manifest: Manifest;
	context: ViewContext;
	db: Database;
}

let built: Promise<Built> | undefined;

function open(): Promise<Built> {
	built ??= (async () => {
		const manifestPath = join(DATA_DIR, 'manifest.json');
		if (!existsSync(manifestPath)) {
			throw new Error(`${manifestPath} is missing: build the data first (npm run data, or npm start for the demo).`);
		}
		const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
		const period = defaultPeriod(manifest);
		if (!period) throw new Error(`${manifestPath} has no data period: the published data hold no reports.`);
		const db = remembered(await martsDatabase(DATA_DIR, manifest.profile));
		const regions = await db.query<{ value: string; label: string }>(
			`SELECT DISTINCT region_code AS value, region_name AS label FROM areas ORDER BY region_code`,
		);
		const context: ViewContext = {
			period,
			weeks: { first: manifest.data_period!.first_week, last: manifest.data_period!.last_week },
			choices: { quarters: quartersBetween(period.from, period.to), regions },
			boundaries: !!manifest.boundaries,
			profile: manifest.profile,
			minCell: manifest.min_cell,
			...(manifest.suppression ? { suppression: manifest.suppression } : {}),
		};
		return { manifest, context, db };
	})();
	return built;
}

/**
 * The build's database answers the same query once: the marts do not change
 * during a build, and the unit pages ask for the nation's and each region's
 * series again for every unit. Rows are frozen, so no page can change
 * another's.
 */
function remembered(db: Database): Database {
	const answers = new Map<string, Promise<unknown[]>>();
	return {
		query<Row>(sql: string, params: Params = {}) {
			const key = `${sql}\u0000${JSON.stringify(params)}`;
			let answer = answers.get(key);
			if (!answer) {
				answer = db.query<Row>(sql, params).then((rows) => Object.freeze(rows.map((row) => Object.freeze(row))) as unknown[]);
				answers.set(key, answer);
			}
			return answer as Promise<Row[]>;
		},
	};
}

/** What every view shares: the default period, the filter choices, whether there are boundaries. */
export const viewContext = async () => (await open()).context;

/** Every published unit as the unit filter lists it, by name (src/routes/choices). */
export async function publishedUnitChoices(): Promise<UnitChoice[]> {
	const { db } = await open();
	return db.query<UnitChoice>(
		`SELECT unit_id AS value, name AS label, region_code AS region, strftime(closed_on, '%Y-%m-%d') AS closed FROM units ORDER BY name, unit_id`,
	);
}

/** A view's results for its default state, computed by its own queries. */
export async function prerenderView<Results>(view: ViewDefinition<Results>): Promise<Results> {
	const { db, context } = await open();
	return view.load(db, DEFAULT_FILTERS, context);
}

/** The published municipal boundaries, for a map drawn at build time (null when the country has none). */
export function publishedBoundaries(): unknown {
	const path = join(DATA_DIR, BOUNDARIES_FILE);
	return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/**
 * Every unit's id, for the unit pages the prerenderer builds. Read from the
 * Arrow file, not the database: SvelteKit asks for entries in a worker that
 * ends as soon as it has them, and a DuckDB instance must not be open then.
 */
export function publishedUnitIds(): string[] {
	const units = tableFromIPC(readFileSync(join(DATA_DIR, 'units.arrow')));
	return [...(units.getChild('unit_id') ?? [])].map(String);
}

/** The regions' codes, for the answers the prerenderer builds; read from the Arrow file, as the units' ids are. */
export function publishedRegionCodes(): string[] {
	const areas = tableFromIPC(readFileSync(join(DATA_DIR, 'areas.arrow')));
	return [...new Set([...(areas.getChild('region_code') ?? [])].map(String))].sort();
}

/**
 * When each published unit was open, as day numbers: what the check page
 * (src/routes/[[lang=lang]]/check) checks a reader's reports against, as the
 * pipeline checks them against unit_events.csv.
 */
export async function publishedUnitSpans(): Promise<[string, number, number | null][]> {
	const { db } = await open();
	const rows = await db.query<{ unit_id: string; opened: number; closed: number | null }>(
		`SELECT unit_id, (opened_on - DATE '1970-01-01')::INTEGER AS opened, (closed_on - DATE '1970-01-01')::INTEGER AS closed FROM units ORDER BY unit_id`,
	);
	return rows.map((r) => [r.unit_id, Number(r.opened), r.closed === null ? null : Number(r.closed)]);
}

/** The reference areas' region and municipality codes, for the check of a reader's own units.csv and unit_events.csv. */
export async function publishedAreaCodes(): Promise<{ regions: string[]; areas: string[] }> {
	const { db } = await open();
	const rows = await db.query<{ code: string; region_code: string }>(`SELECT code, region_code FROM areas ORDER BY code`);
	return { regions: [...new Set(rows.map((r) => r.region_code))].sort(), areas: rows.map((r) => r.code) };
}

const profiles = new Map<string, Promise<UnitProfile | null>>();

/** A unit's page, computed by the unit view's own queries once for both languages (null for a unit that is not published). */
export function prerenderUnit(unitId: string): Promise<UnitProfile | null> {
	let profile = profiles.get(unitId);
	if (!profile) {
		profile = open().then(({ db, context }) => unitProfile(db, unitId, context));
		profiles.set(unitId, profile);
	}
	return profile;
}

/** A view's results for an answered state ($lib/views/answered), by its name; null for a name that is none. */
export async function prerenderAnswer<Results>(view: ViewDefinition<Results>, name: string): Promise<{ results: Results } | null> {
	const { db, context } = await open();
	const filters = answeredState(context.choices.regions.map((r) => r.value), name);
	return filters ? { results: await view.load(db, filters, context) } : null;
}

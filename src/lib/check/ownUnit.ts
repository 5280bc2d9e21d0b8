/**
 * Your unit on your data: after the check, the accepted reports (the table
 * `reports`, as the revision rules left it, ./revisions.ts) become a
 * unit_week, unit_quarter and staffing of the reader's own, by the pipeline's own SQL
 * (specialist_spells.sql, unit_week.sql, cells.sql, staffing.sql), in a schema `own` that comes before
 * the published marts on a connection of its own. The unit view's queries
 * (src/lib/views/unit.ts) then draw the unit from it, and its network and the
 * nation from the published marts. All of it in this tab: nothing is sent,
 * nothing is stored, and a reload forgets it.
 */
import { database } from '$lib/db/browser';
import { quarterStart, quarterOf } from '$lib/time';
import { unitProfile, type UnitProfile } from '$lib/views/unit';
import type { ViewContext } from '$lib/views/context';
import specialistSpells from '../../../pipelines/sql/specialist_spells.sql?raw';
import unitWeek from '../../../pipelines/sql/unit_week.sql?raw';
import cells from '../../../pipelines/sql/cells.sql?raw';
import staffing from '../../../pipelines/sql/staffing.sql?raw';
import { aggregateMartSql, cellsSql } from '$lib/contract';

/** A unit of the reader's accepted reports that the published data know (its network and its facts come from them). */
export interface OwnUnit {
	unit_id: string;
	name: string;
	/** The reports' first and last weeks (Mondays). */
	first_week: string;
	last_week: string;
	reports: number;
}

const SCHEMA = 'own';

export interface OwnUnits {
	/** The units the published data know, by name. */
	units: OwnUnit[];
	/** Units only the reader's own units.csv knows: no published network or facts to draw them against. */
	unpublished: string[];
}

/** Builds the reader's unit_week and aggregates from the accepted reports, and lists its units. Call after the revision rules. */
export async function buildOwnUnits(): Promise<OwnUnits> {
	const published = await database();
	const own = await published.inSchema(SCHEMA);
	// When each unit closed, for spells that end with it: the published units' (the rows' units passed unit_unknown against them).
	await own.run(`CREATE OR REPLACE TABLE ${SCHEMA}.unit_lives AS SELECT unit_id, closed_on FROM main.units`);
	await own.run(specialistSpells);
	await own.run(unitWeek);
	// The marts of the internal profile that the unit's queries read (staffing reads the spells), as the pipeline writes them.
	for (const mart of ['unit_week', 'specialist_spells']) await own.run(`CREATE OR REPLACE TABLE ${SCHEMA}.${mart} AS SELECT * FROM ${SCHEMA}.mart_${mart}`);
	// The calendar the measures count expected reports against is the data's weeks (any unit's). The reader's
	// reports alone would make a week they missed no week at all: the published data's weeks, then every week
	// after them up to the reader's last, go in as rows of no unit, which no query's units take in.
	const publishedWeeks = `SELECT week FROM main.${published.manifest.profile === 'public' ? 'public_weeks' : 'report_weeks'}`;
	await own.run(`INSERT INTO ${SCHEMA}.unit_week (unit_id, week)
        WITH published AS (${publishedWeeks})
        SELECT NULL, week FROM published
        UNION ALL
        SELECT NULL, unnest(generate_series((SELECT max(week) FROM published) + 7, (SELECT max(week) FROM ${SCHEMA}.unit_week), INTERVAL 7 DAY))::DATE`);
	await own.run(`CREATE OR REPLACE TABLE ${SCHEMA}.units AS SELECT * FROM main.units WHERE unit_id IN (SELECT unit_id FROM ${SCHEMA}.unit_week)`);
	// The unit's aggregates, as the pipeline sums them: from the weeks above (the calendar with them), the units and the spells.
	await own.run(`CREATE OR REPLACE VIEW ${SCHEMA}.mart_unit_week AS SELECT * FROM ${SCHEMA}.unit_week`);
	await own.run(`CREATE OR REPLACE VIEW ${SCHEMA}.mart_units AS SELECT * FROM ${SCHEMA}.units`);
	// The municipalities they serve, as published (cells.sql counts them on each quarter's last day).
	await own.run(`CREATE OR REPLACE VIEW ${SCHEMA}.mart_unit_areas AS SELECT * FROM main.unit_areas WHERE unit_id IN (SELECT unit_id FROM ${SCHEMA}.units)`);
	await own.run(`CREATE OR REPLACE VIEW ${SCHEMA}.mart_areas AS SELECT * FROM main.areas`);
	await own.run(cellsSql(cells));
	await own.run(staffing);
	for (const mart of ['unit_quarter', 'staffing', 'stability'] as const) await own.run(aggregateMartSql(mart, `${SCHEMA}.${mart}`));
	const units = await own.query<OwnUnit>(
		`SELECT u.unit_id, u.name, strftime(min(w.week), '%Y-%m-%d') AS first_week, strftime(max(w.week), '%Y-%m-%d') AS last_week, sum(w.reports)::INTEGER AS reports
        FROM ${SCHEMA}.unit_week w JOIN ${SCHEMA}.units u USING (unit_id) GROUP BY ALL ORDER BY u.name, u.unit_id`,
	);
	const unpublished = await own.query<{ unit_id: string }>(`SELECT DISTINCT unit_id FROM ${SCHEMA}.unit_week WHERE unit_id IS NOT NULL AND unit_id NOT IN (SELECT unit_id FROM main.units) ORDER BY unit_id`);
	return { units, unpublished: unpublished.map((u) => u.unit_id) };
}

/** The unit page's figures for one of those units: the unit on the reader's reports, beside its published network and the nation. */
export async function ownUnitProfile(unit: OwnUnit, context: ViewContext): Promise<UnitProfile | null> {
	const published = await database();
	const own = await published.inSchema(SCHEMA);
	return unitProfile(published, unit.unit_id, context, {
		db: own,
		first: quarterStart(quarterOf(unit.first_week)),
		last: quarterStart(quarterOf(unit.last_week)),
	});
}

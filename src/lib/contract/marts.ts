/**
 * The published marts: their names and every column's type. The pipeline
 * writes exactly these (a test reads each Parquet file back against this
 * list), the site loads exactly these, and analysts can rely on them.
 */
export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE' | 'BOOLEAN';

/** The twelve counts of a weekly report, summed per unit and week in unit_week. */
export const REPORT_COUNTS = [
	'caseload',
	'caseload_young',
	'referrals',
	'waitlist',
	'enrolled',
	'wait_days',
	'employer_contacts',
	'job_starts',
	'employed',
	'education_starts',
	'in_education',
	'exits',
] as const;

export const MARTS = {
	unit_week: {
		unit_id: 'VARCHAR',
		week: 'DATE',
		specialists: 'INTEGER',
		fte: 'DOUBLE',
		reports: 'INTEGER',
		joiners: 'INTEGER',
		leavers: 'INTEGER',
		...(Object.fromEntries(REPORT_COUNTS.map((c) => [c, 'INTEGER'])) as Record<(typeof REPORT_COUNTS)[number], 'INTEGER'>),
	},
	units: {
		unit_id: 'VARCHAR',
		name: 'VARCHAR',
		org_type: 'VARCHAR',
		host: 'VARCHAR',
		region_code: 'VARCHAR',
		opened_on: 'DATE',
		closed_on: 'DATE',
		funding_initial: 'VARCHAR',
		funding_current: 'VARCHAR',
		fidelity_first: 'INTEGER',
		fidelity_latest: 'INTEGER',
	},
	unit_areas: { unit_id: 'VARCHAR', area_code: 'VARCHAR', valid_from: 'DATE', valid_to: 'DATE' },
	unit_funding: { unit_id: 'VARCHAR', funding: 'VARCHAR', valid_from: 'DATE', valid_to: 'DATE' },
	areas: {
		code: 'VARCHAR',
		name: 'VARCHAR',
		region_code: 'VARCHAR',
		region_name: 'VARCHAR',
		population: 'INTEGER',
		population_year: 'INTEGER',
		lat: 'DOUBLE',
		lon: 'DOUBLE',
		tile_col: 'INTEGER',
		tile_row: 'INTEGER',
	},
	fidelity: { unit_id: 'VARCHAR', reviewed_on: 'DATE', score: 'INTEGER', level: 'VARCHAR' },
	specialist_spells: { spell_id: 'VARCHAR', unit_id: 'VARCHAR', first_week: 'DATE', last_week: 'DATE', ended: 'BOOLEAN' },
} as const satisfies Record<string, Record<string, ColumnType>>;

export type MartName = keyof typeof MARTS;
export const MART_NAMES = Object.keys(MARTS) as MartName[];

/**
 * Municipal boundaries, published beside the marts when the country's
 * reference folder has them (GeoJSON, properties `code` and `name`).
 * Without them the map is a tile grid from the areas mart.
 */
export const BOUNDARIES_FILE = 'boundaries.geojson';

/** Rejected input, published as counts by file, rule and column: never a value of a bad line. */
export const REJECTS_SUMMARY_FILE = 'rejects_summary.csv';

/**
 * The published marts: their names and every column's type. The pipeline
 * writes exactly these (a test reads each Parquet file back against this
 * list), the site loads exactly these, and analysts can rely on them.
 */
import { WEEKLY_FACTS, type WeeklyFactName } from './weeklyFacts.ts';

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

/** The cube's keys: region × organisation type × funding, NULL for all. */
const CUBE_KEYS = { region_code: 'VARCHAR', org_type: 'VARCHAR', funding: 'VARCHAR' } as const;

/**
 * A cell's facts for a quarter (sql/cells.sql): the weeks with a report,
 * unit-weeks reported and expected, the units open and the municipalities
 * served (and their population) on its last day, and the weekly facts:
 * stocks as people in an average reported week (fte too), flows (and
 * wait_days) summed over the quarter. public_cells has the weeks a unit of the cell was open in
 * place of the weeks with a report, and its stocks per week open
 * (pipelines/public.ts): a unit's weeks with a report are its weeks reported.
 */
const CELL_FACTS = {
	weeks: 'INTEGER',
	reported: 'INTEGER',
	expected: 'INTEGER',
	// On the quarter's last day, from the units' dates and the municipalities they serve (not a sum over units: a municipality counts once).
	units_open: 'INTEGER',
	areas_served: 'INTEGER',
	population_served: 'INTEGER',
	// A mean per week is fractional; a sum of counts is whole.
	...(Object.fromEntries(WEEKLY_FACTS.map((f) => [f.name, f.published === 'per_week' ? 'DOUBLE' : 'INTEGER'])) as Record<WeeklyFactName, 'DOUBLE' | 'INTEGER'>),
} as const;

const STAFFING = {
	year: 'INTEGER',
	unit_id: 'VARCHAR',
	...CUBE_KEYS,
	team_size: 'VARCHAR',
	weeks: 'INTEGER',
	mean_headcount: 'DOUBLE',
	leavers: 'INTEGER',
	unit_weeks: 'INTEGER',
	vacancy_weeks: 'INTEGER',
} as const;
const STABILITY_COUNTS = { in_post: 'INTEGER', stayed: 'INTEGER' } as const;
const WEEKS = { week: 'DATE' } as const;

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
	/**
	 * One row per IPS-25 fidelity review, with its unit's participant-weeks
	 * employed and open (caseload) over the four quarters after the review's
	 * quarter (./aggregates.ts, fidelityMartSql): the outcomes view's
	 * scatter reads them for any filters without the units' quarters. Summed
	 * from the profile's own published unit cells, so that a public build's
	 * windows say nothing its public_cells do not: NULL where a cell of the
	 * window is withheld there; 0 where the unit reported nothing in it.
	 */
	fidelity: { unit_id: 'VARCHAR', reviewed_on: 'DATE', score: 'INTEGER', level: 'VARCHAR', employed_after: 'DOUBLE', caseload_after: 'DOUBLE' },
	specialist_spells: { spell_id: 'VARCHAR', unit_id: 'VARCHAR', first_week: 'DATE', last_week: 'DATE', ended: 'BOOLEAN' },

	/**
	 * The internal profile's cube: per quarter, every cell of region ×
	 * organisation type × funding with all its margins (a NULL key is all of
	 * them), each exactly the sum of its units. Every view reads a
	 * combination of filters without a unit from its one cell here.
	 */
	cube: { quarter: 'DATE', ...CUBE_KEYS, ...CELL_FACTS },
	/** The internal profile's units: per unit and quarter, the same facts as the cube's cells (a unit's quarters in a row). */
	unit_quarter: { unit_id: 'VARCHAR', quarter: 'DATE', ...CELL_FACTS },
	/** Per calendar year wholly in the data, for every unit and every cell of region × organisation type × funding × team size. */
	staffing: STAFFING,
	/** Per quarter (a period ending with it), the stability index's counts for every unit and every cell of region × organisation type × funding. */
	stability: { quarter: 'DATE', last_week: 'DATE', unit_id: 'VARCHAR', ...CUBE_KEYS, ...STABILITY_COUNTS },
	/** The weeks (Mondays) with a report: the data's calendar. */
	report_weeks: WEEKS,

	// The public profile's own marts: aggregates, small counts of people suppressed (NULL). See PEOPLE_COLUMNS.
	/** The cube and unit_quarter in one table (unit_id set on a unit's rows), protected. */
	public_cells: { quarter: 'DATE', unit_id: 'VARCHAR', ...CUBE_KEYS, ...CELL_FACTS },
	/**
	 * Per unit, its caseload, employed and in education over the four
	 * quarters ending with `quarter` (the latest full quarter and every
	 * fourth before it: the sites view's funnels), as people in an average
	 * week open rounded to WINDOW_ROUNDING, where a quarter of that count is
	 * withheld in public_cells (where none is, the quarters give it exactly)
	 * and the rounded value narrows no withheld value below its level (#20).
	 * NULL where it is not published.
	 */
	public_windows: { quarter: 'DATE', unit_id: 'VARCHAR', weeks: 'INTEGER', caseload: 'DOUBLE', employed: 'DOUBLE', in_education: 'DOUBLE' },
	/** staffing, protected. */
	public_staffing: STAFFING,
	/** public_stability, protected: the cube's cells of stability (a unit's is its few specialists'). */
	public_stability: { quarter: 'DATE', last_week: 'DATE', ...CUBE_KEYS, ...STABILITY_COUNTS },
	/**
	 * Per quarter (spells cut at its end), specialists' time in post as a
	 * Kaplan–Meier curve read every 91 days in whole per cent, while at least
	 * the threshold are at risk, for the nation (region_code NULL) and each
	 * region with at least the threshold of spells; the median is the first
	 * reading at or under one half. No counts and no confidence band: both
	 * give back the numbers at risk and leaving (#20).
	 */
	public_tenure: {
		quarter: 'DATE',
		region_code: 'VARCHAR',
		time: 'DOUBLE',
		survival: 'DOUBLE',
		median: 'DOUBLE',
	},
	/** report_weeks, as the internal profile's. */
	public_weeks: WEEKS,
} as const satisfies Record<string, Record<string, ColumnType>>;

export type MartName = keyof typeof MARTS;

/**
 * The two publication profiles: `internal`, for a network that shares unit
 * figures inside itself, and `public`, which publishes no unit × week row
 * and no spell, only aggregates with small counts of people suppressed.
 */
export const PROFILES = ['internal', 'public'] as const;
export type Profile = (typeof PROFILES)[number];

/**
 * A profile's units' cells (each unit's facts per quarter, the cube's
 * columns) as a relation over its marts, each named by `table`: the site's
 * tables bear the marts' names, the pipeline's are mart_<name>.
 */
export function unitCellsOf(profile: Profile, table: (mart: MartName) => string = (mart) => mart): string {
	return profile === 'internal' ? table('unit_quarter') : `(SELECT * FROM ${table('public_cells')} WHERE unit_id IS NOT NULL)`;
}

/** The marts each profile publishes, in the order they are written and loaded. */
export const PROFILE_MARTS: Record<Profile, readonly MartName[]> = {
	internal: ['cube', 'unit_quarter', 'staffing', 'stability', 'report_weeks', 'unit_week', 'units', 'unit_areas', 'unit_funding', 'areas', 'fidelity', 'specialist_spells'],
	public: ['public_cells', 'public_windows', 'public_staffing', 'public_stability', 'public_tenure', 'public_weeks', 'units', 'unit_areas', 'unit_funding', 'areas', 'fidelity'],
};

/**
 * The marts the site reads, of those a profile publishes: all but unit_week,
 * which is for analysts and for the pipeline's own aggregates. A row per unit
 * and week of every unit is more than a page should fetch (#23); every view
 * reads the cube, the units' quarters and staffing instead.
 */
export const siteMarts = (profile: Profile): readonly MartName[] => PROFILE_MARTS[profile].filter((mart) => mart !== 'unit_week');

/**
 * The public marts' columns that count people, each checked against the
 * threshold: none holds a value above 0 and below it. Every other numeric
 * column of a public mart is named in NOT_PEOPLE_COLUMNS with the reason, so
 * that a column added later must be put in one list or the other (a test
 * checks).
 */
export const PEOPLE_COLUMNS = {
	public_cells: ['waitlist', 'caseload', 'caseload_young', 'employed', 'in_education', 'enrolled', 'referrals', 'job_starts', 'education_starts'],
	public_windows: ['caseload', 'employed', 'in_education'],
	public_staffing: ['mean_headcount', 'leavers'],
	public_stability: ['in_post', 'stayed'],
} as const satisfies Partial<Record<MartName, readonly string[]>>;

/**
 * The public profile's protection levels (#20): every withheld value of
 * these columns must stay uncertain by at least this much, in the column's
 * own unit, to an attacker who knows everything published, every sum that
 * ties the cells, that counts are whole and not negative, and the rules of
 * the input contract (a part is at most its caseload, …). `minCell` is the
 * threshold; a count of people is protected by as many people (a stock by
 * as many people in an average week). The others are values of a person
 * wherever a cell has fewer specialists than the threshold (a lone
 * specialist's working time, or the weeks they reported), withheld there.
 */
export const PROTECTION_LEVELS: Record<'public_cells' | 'public_staffing' | 'public_stability', Record<string, (minCell: number) => number>> = {
	public_cells: {
		...Object.fromEntries(['waitlist', 'caseload', 'caseload_young', 'employed', 'in_education', 'enrolled', 'referrals', 'job_starts', 'education_starts'].map((c) => [c, (minCell: number) => minCell])),
		/** A week per person of the threshold. */
		wait_days: (minCell) => 7 * minCell,
		/** One full-time post. */
		fte: () => 1,
		/** Four unit-weeks: a month of one specialist's reporting. */
		reported: () => 4,
	},
	public_staffing: {
		mean_headcount: (minCell) => minCell,
		leavers: (minCell) => minCell,
		unit_weeks: () => 4,
		vacancy_weeks: () => 4,
	},
	public_stability: { in_post: (minCell) => minCell, stayed: (minCell) => minCell },
};

/**
 * public_windows' counts (#20), people in an average week over a unit's
 * four quarters, are published to the nearest this many: a window over a
 * withheld quarter then tells an attacker only that the quarters' sum lies
 * in a band this wide times the window's weeks (two people over 52 weeks
 * is 104 participant-weeks, against a quarter's level of five people over
 * 13 weeks, 65), and a window is published only where the band narrows no
 * withheld value below its level (pipelines/windows.ts). On the demo, bands
 * of 2, 3 and 4 people placed 22, 22 and 24 of 42 units in the employment
 * funnel: the narrowest that place about as many. WINDOW_COUNTS: the counts
 * windowed.
 */
export const WINDOW_ROUNDING = 2;
export const WINDOW_COUNTS = ['caseload', 'employed', 'in_education'] as const;

export const NOT_PEOPLE_COLUMNS: Partial<Record<MartName, Record<string, string>>> = {
	public_cells: {
		weeks: "calendar weeks a unit of the cell was open, from the units' dates",
		reported: 'unit-weeks with a report',
		expected: 'unit-weeks open',
		units_open: "units open on the quarter's last day, from the published units",
		areas_served: 'municipalities served on that day, from the published unit_areas',
		population_served: 'their inhabitants, from the published areas',
		fte: "specialists' full-time equivalents, a unit's resource",
		wait_days: 'days, withheld wherever enrolled is',
	},
	public_windows: { weeks: 'calendar weeks the unit was open in the window, from its dates' },
	public_staffing: { year: 'a year', weeks: 'calendar weeks', unit_weeks: 'unit-weeks with a report', vacancy_weeks: 'unit-weeks, withheld wherever mean_headcount is' },
	public_tenure: {
		time: 'days in post',
		survival: 'a probability, in whole per cent',
		median: 'days in post, one of the readings',
	},
};

/**
 * Municipal boundaries, published beside the marts when the country's
 * reference folder has them (GeoJSON, properties `code` and `name`).
 * Without them the map is a tile grid from the areas mart.
 */
export const BOUNDARIES_FILE = 'boundaries.geojson';

/** Rejected input, published as counts by file, rule and column: never a value of a bad line. */
export const REJECTS_SUMMARY_FILE = 'rejects_summary.csv';

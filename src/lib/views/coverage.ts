/**
 * Coverage by municipality: where IPS is offered, and region by region what
 * share of municipalities and inhabitants is served and how many specialist
 * FTE there are per 10,000 inhabitants. The same measures as the overview,
 * at the grains of municipality and region (src/lib/metrics/facts.ts).
 *
 * The chosen quarter is `to` (the latest full quarter by default); its row
 * a year earlier gives each change; the trend runs over the chosen period.
 */
import { type Filters } from '$lib/filters';
import { quarterStart } from '$lib/time';
import {
	ftePer10k,
	measureOf,
	measureParams,
	measureSql,
	queryMeasures,
	municipalitiesServed,
	populationServed,
	reportCompleteness,
	unitsOpen,
	yearBefore,
	type MeasureRow,
} from '$lib/metrics';
import type { ViewDefinition } from './context';

/** The measures of the region table and the trend, per region and for the country. */
const REGION_MEASURES = [municipalitiesServed, populationServed, unitsOpen, ftePer10k, reportCompleteness];

/** Per municipality of the selection, in the chosen quarter: the open chosen units serving it, and its inhabitants. */
export const MAP_SQL = measureSql('area_quarter', [unitsOpen, populationServed]);
/** Per region and quarter, every region listed. */
export const REGIONS_SQL = measureSql('region_quarter', REGION_MEASURES);
/** The country (the region filter aside) per quarter: the table's total row. */
export const COUNTRY_SQL = measureSql('quarter', REGION_MEASURES);

export interface Municipality {
	code: string;
	name: string;
	region_code: string;
	region_name: string;
	population: number;
	units_serving: number;
	/** Names of the units serving it, '; '-separated. */
	unit_names: string;
	tile_col: number;
	tile_row: number;
}

/** A region's (or the country's) figures in one quarter: the region table's CSV columns. */
export interface RegionFigures {
	quarter: string;
	region_code: string;
	region_name: string;
	municipalities: number;
	municipalities_served: number;
	population: number;
	population_served: number;
	units_open: number;
	/** Mean weekly specialist FTE over the quarter's reported weeks; null without reports. */
	fte: number | null;
	fte_per_10k: number | null;
	/** Report completeness: reported and expected unit-weeks. */
	reported: number;
	expected: number;
}

/**
 * A region's (or the country's) municipalities and inhabitants served in
 * each quarter shown, as counts: compact enough to ship in the page, divided
 * by the region's totals (which do not change) where the trend is drawn.
 */
export interface ServedSeries {
	region_code: string;
	municipalities: number;
	population: number;
	municipalities_served: number[];
	population_served: number[];
}

export interface CoverageResults {
	/** The chosen quarter's first day, and the same quarter a year earlier. */
	quarter: string;
	yearEarlier: string;
	municipalities: Municipality[];
	/** Every region in the chosen quarter and a year earlier. */
	regions: RegionFigures[];
	/** The country (the region filter aside) in the chosen quarter and a year earlier. */
	country: RegionFigures[];
	/** The quarters shown (first days), from `from` to `to`. */
	quarters: string[];
	/** Per region, and the country (region_code ''), over `quarters`. */
	served: ServedSeries[];
	/** Report completeness over the quarters shown, per region and for the country (''). */
	completeness: Record<string, number | null>;
}

/** The series of each region from its rows over the quarters shown. */
function servedSeries(rows: readonly RegionFigures[], quarters: readonly string[]): ServedSeries[] {
	const byRegion = new Map<string, RegionFigures[]>();
	for (const row of rows) byRegion.set(row.region_code, [...(byRegion.get(row.region_code) ?? []), row]);
	return [...byRegion].map(([region_code, series]) => {
		const byQuarter = new Map(series.map((r) => [r.quarter, r]));
		const at = quarters.map((q) => byQuarter.get(q));
		return {
			region_code,
			municipalities: series[0]!.municipalities,
			population: series[0]!.population,
			municipalities_served: at.map((r) => r?.municipalities_served ?? 0),
			population_served: at.map((r) => r?.population_served ?? 0),
		};
	});
}

function completenessOf(rows: readonly RegionFigures[]): Record<string, number | null> {
	const sums = new Map<string, [number, number]>();
	for (const r of rows) {
		const sum = sums.get(r.region_code) ?? [0, 0];
		sums.set(r.region_code, [sum[0] + r.reported, sum[1] + r.expected]);
	}
	return Object.fromEntries([...sums].map(([code, [reported, expected]]) => [code, expected > 0 ? reported / expected : null]));
}

function figures(row: MeasureRow, region: { code: string; name: string }): RegionFigures {
	const served = measureOf(row, municipalitiesServed);
	const population = measureOf(row, populationServed);
	const fte = measureOf(row, ftePer10k);
	const completeness = measureOf(row, reportCompleteness);
	return {
		quarter: row.quarter as string,
		region_code: region.code,
		region_name: region.name,
		municipalities: served.denominator ?? 0,
		municipalities_served: served.numerator ?? 0,
		population: population.denominator ?? 0,
		population_served: population.numerator ?? 0,
		units_open: measureOf(row, unitsOpen).value ?? 0,
		fte: fte.numerator,
		fte_per_10k: fte.value,
		reported: completeness.numerator ?? 0,
		expected: completeness.denominator ?? 0,
	};
}

export const coverage: ViewDefinition<CoverageResults> = {
	id: 'coverage',
	async load(db, filters: Filters, { period, profile }) {
		const params = measureParams(filters, period);
		const quarter = quarterStart(filters.to ?? period.to);
		const yearEarlier = yearBefore(quarter);
		const from = quarterStart(filters.from ?? period.from);
		const [map, regions, country] = await Promise.all([
			queryMeasures(db, 'area_quarter', [unitsOpen, populationServed], profile, { ...params, first_quarter: quarter, last_quarter: quarter }),
			queryMeasures(db, 'region_quarter', REGION_MEASURES, profile, params),
			queryMeasures(db, 'quarter', REGION_MEASURES, profile, { ...params, region: null }),
		]);
		const regionRows = regions.map((row) => figures(row, { code: row.region_code as string, name: row.region_name as string }));
		const countryRows = country.map((row) => figures(row, { code: '', name: '' }));
		const all = [...countryRows, ...regionRows];
		const shown = all.filter((r) => r.quarter >= from);
		const quarters = countryRows.map((r) => r.quarter).filter((q) => q >= from);
		return {
			quarter,
			yearEarlier,
			municipalities: map.map((row) => ({
				code: row.code as string,
				name: row.name as string,
				region_code: row.region_code as string,
				region_name: row.region_name as string,
				population: measureOf(row, populationServed).denominator ?? 0,
				units_serving: measureOf(row, unitsOpen).value ?? 0,
				unit_names: row.unit_names as string,
				tile_col: row.tile_col as number,
				tile_row: row.tile_row as number,
			})),
			regions: regionRows.filter((r) => r.quarter === quarter || r.quarter === yearEarlier),
			country: countryRows.filter((r) => r.quarter === quarter || r.quarter === yearEarlier),
			quarters,
			served: servedSeries(shown, quarters),
			completeness: completenessOf(shown),
		};
	},
};

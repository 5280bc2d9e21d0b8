/** areas.csv under data/reference/<country>/: the geography every unit serves. */
import { z } from 'zod';
import { decimal, id, integer, text } from './fields.ts';

export const AREA_COLUMNS = [
	'code',
	'name',
	'region_code',
	'region_name',
	'population',
	'population_year',
	'lat',
	'lon',
] as const;

const bounded = (min: number, max: number) =>
	decimal('.').refine((value) => value >= min && value <= max, { error: 'not_number' });

export const areaSchema = z.object({
	code: id,
	name: text,
	region_code: id,
	region_name: text,
	population: integer(0, 1e9),
	population_year: integer(1900, 2999),
	lat: bounded(-90, 90),
	lon: bounded(-180, 180),
});

export type Area = z.output<typeof areaSchema>;

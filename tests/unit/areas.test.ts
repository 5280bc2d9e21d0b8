/**
 * Our own Swedish geography (data/reference/se/areas.csv) against the facts it
 * must hold, and, when ../shared/reference exists, against the official files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAreas } from '../../pipelines/reference.ts';

const areas = readAreas(fileURLToPath(new URL('../../data/reference/se/', import.meta.url)));
const official = fileURLToPath(new URL('../../../shared/reference/sweden_municipalities.csv', import.meta.url));

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
	const rad = Math.PI / 180;
	const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('Swedish areas', () => {
	it('lists 290 municipalities with unique four-digit codes', () => {
		expect(areas).toHaveLength(290);
		expect(new Set(areas.map((a) => a.code)).size).toBe(290);
		for (const a of areas) expect(a.code).toMatch(/^\d{4}$/);
	});

	it('groups them into the 21 counties, each code the first two digits of its municipalities', () => {
		const counties = new Map(areas.map((a) => [a.region_code, a.region_name]));
		expect(counties.size).toBe(21);
		expect([...counties.keys()].sort()).toEqual(['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25']);
		for (const a of areas) expect(a.code.slice(0, 2)).toBe(a.region_code);
		expect(counties.get('14')).toBe('Västra Götalands län');
	});

	it('adds up to the population of Sweden on 31 December 2024', () => {
		expect(areas.reduce((sum, a) => sum + a.population, 0)).toBe(10_587_710);
		expect(new Set(areas.map((a) => a.population_year))).toEqual(new Set([2024]));
	});

	it('places every municipality inside Sweden', () => {
		for (const a of areas) {
			expect(a.lat).toBeGreaterThan(55.3);
			expect(a.lat).toBeLessThan(69.1);
			expect(a.lon).toBeGreaterThan(10.9);
			expect(a.lon).toBeLessThan(24.2);
		}
	});

	it.runIf(existsSync(official))('matches the official reference: names and population exact, location within 25 km', () => {
		const [header, ...lines] = readFileSync(official, 'utf8').trim().split('\n');
		const columns = header!.split(',');
		const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
		const ours = new Map(areas.map((a) => [a.code, a]));
		expect(rows).toHaveLength(290);
		const mismatches: string[] = [];
		for (const row of rows) {
			const a = ours.get(row.code!);
			if (!a) {
				mismatches.push(`${row.code}: missing`);
				continue;
			}
			if (a.name !== row.name) mismatches.push(`${row.code}: name`);
			if (a.region_name !== row.county_name) mismatches.push(`${row.code}: county name`);
			if (a.population !== Number(row.population)) mismatches.push(`${row.code}: population`);
			const distance = km(a, { lat: Number(row.lat), lon: Number(row.lon) });
			if (distance > 25) mismatches.push(`${row.code} ${a.name}: ${Math.round(distance)} km away`);
		}
		expect(mismatches).toEqual([]);
	});
});

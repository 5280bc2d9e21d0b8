/**
 * The SQL that the facts declaration writes, kept as files beside this test
 * (tests/unit/__snapshots__/sql): a change to a fact, a grain or a profile
 * shows in review as a readable diff of the statements the engines run.
 * Update them with `npx vitest run --project unit -u` after checking the diff.
 */
import { describe, expect, it } from 'vitest';
import { PROFILES } from '$lib/contract';
import { ALL_METRICS, factsOf, GRAINS, unitWindowSql } from '$lib/metrics';
import { cellsSql } from '$lib/contract';
import { sqlFile } from '../../pipelines/db';

const snapshot = (name: string) => `./__snapshots__/sql/${name}.sql`;

describe('the SQL written from the facts', () => {
	for (const profile of PROFILES) {
		for (const grain of GRAINS) {
			it(`${profile} ${grain}`, async () => {
				await expect(factsOf(profile, grain)).toMatchFileSnapshot(snapshot(`${profile}.${grain}`));
			});
		}
		it(`${profile} quarter, a unit chosen`, async () => {
			await expect(factsOf(profile, 'quarter', 'units')).toMatchFileSnapshot(snapshot(`${profile}.quarter.unit`));
		});
		it(`${profile} unit window`, async () => {
			await expect(unitWindowSql(ALL_METRICS, profile)).toMatchFileSnapshot(snapshot(`${profile}.unit_window`));
		});
	}
	it('cells', async () => {
		await expect(cellsSql(sqlFile('cells'))).toMatchFileSnapshot(snapshot('cells'));
	});
});

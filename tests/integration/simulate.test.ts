/**
 * The demo data generator: determinism, calibration against what is known
 * about IPS in Sweden and Norway (through the published marts, as a user
 * would see it), and faults that the pipeline must reject one by one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRecords } from '../../pipelines/read/csv.ts';
import { readTable } from '../../pipelines/read/file.ts';
import { isTableFile } from '../../pipelines/read/table.ts';
import { REPORT_COLUMNS } from '../../pipelines/schema/report.ts';
import { runPipeline, type RunResult } from '../../pipelines/run.ts';
import { simulate, type SimulateResult } from '../../pipelines/simulate/index.ts';
import { openMarts, tempDir } from '../helpers.ts';

const SE = fileURLToPath(new URL('../../data/reference/se/', import.meta.url));

const hashTree = (dir: string) =>
	Object.fromEntries(
		(readdirSync(dir, { recursive: true }) as string[])
			.filter((f) => /\.(csv|jsonl|json)$/.test(f))
			.sort()
			.map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
	);

describe('determinism', () => {
	const options = { from: '2019-01', to: '2020-06', scale: 1, referenceDir: SE, faults: true };
	it('gives the same bytes for the same seed, and others for another', () => {
		const a = join(tempDir(), 'a');
		const b = join(tempDir(), 'b');
		const c = join(tempDir(), 'c');
		simulate({ ...options, seed: 7, out: a });
		simulate({ ...options, seed: 7, out: b });
		simulate({ ...options, seed: 8, out: c });
		const hashes = hashTree(a);
		expect(Object.keys(hashes).length).toBeGreaterThan(15);
		expect(hashTree(b)).toEqual(hashes);
		expect(hashTree(c)).not.toEqual(hashes);
	});

	it('mixes the CSV dialects and JSON Lines', () => {
		const out = join(tempDir(), 'mix');
		simulate({ ...options, seed: 7, out });
		const files = (readdirSync(join(out, 'reports'), { recursive: true }) as string[]).filter((f) => f.includes('.'));
		const texts = files.map((f) => readFileSync(join(out, 'reports', f), 'utf8'));
		expect(files.some((f) => f.endsWith('.jsonl'))).toBe(true);
		expect(texts.some((t) => t.startsWith('\ufeffreport_id;') && t.includes('\r\n'))).toBe(true);
		expect(texts.some((t) => t.startsWith('report_id,'))).toBe(true);
	});
});

describe('scale 1, 2015-01 to 2026-10', () => {
	let sim: SimulateResult;
	let run: RunResult;
	let raw: string;
	let q: Awaited<ReturnType<typeof openMarts>>;
	beforeAll(async () => {
		const root = tempDir();
		raw = join(root, 'raw');
		sim = simulate({ seed: 1, from: '2015-01', to: '2026-10', scale: 1, out: raw, referenceDir: SE, faults: false });
		run = await runPipeline({ inDir: raw, referenceDir: SE, outDir: join(root, 'out'), maxRejectRate: 0, rejectsPath: join(root, 'r.csv') });
		q = await openMarts(join(root, 'out'));
	}, 120_000);

	it('runs through the pipeline with zero rejects, with late, corrected and repeated reports', () => {
		expect(run.published).toBe(true);
		expect(run.summary.rows_rejected).toBe(0);
		expect(run.summary.revisions_replaced / run.summary.reports_accepted).toBeGreaterThan(0.01);
		expect(run.summary.duplicates).toBeGreaterThan(0);
		expect(run.manifest!.completeness.share).toBeGreaterThan(0.9);
		expect(run.manifest!.completeness.share).toBeLessThan(1);
	});

	it('opens units over the years, mostly municipal, some regional, a few joint', async () => {
		const r = await q<'joint' | 'municipal' | 'n' | 'region' | 'years'>(`SELECT count(*) AS n,
			avg((org_type = 'municipal')::INT) AS municipal, avg((org_type = 'region')::INT) AS region, avg((org_type = 'joint')::INT) AS joint,
			count(DISTINCT year(opened_on)) AS years FROM units`);
		expect(r.n).toBeGreaterThan(60);
		expect(r.municipal).toBeGreaterThan(0.55);
		expect(r.region).toBeGreaterThan(0.08);
		expect(r.joint).toBeGreaterThan(0.03);
		expect(r.joint).toBeLessThan(r.region);
		expect(r.years).toBeGreaterThanOrEqual(12);
	});

	it('serves fewer than 30 % of municipalities at the end, more in the south and in cities', async () => {
		const r = await q<'cities' | 'north' | 'share' | 'south' | 'towns'>(`WITH served AS (SELECT DISTINCT area_code FROM unit_areas WHERE valid_to IS NULL)
			SELECT avg((s.area_code IS NOT NULL)::INT) AS share,
				avg((s.area_code IS NOT NULL)::INT) FILTER (WHERE a.lat < 60) AS south,
				avg((s.area_code IS NOT NULL)::INT) FILTER (WHERE a.lat >= 60) AS north,
				avg((s.area_code IS NOT NULL)::INT) FILTER (WHERE a.population >= 50000) AS cities,
				avg((s.area_code IS NOT NULL)::INT) FILTER (WHERE a.population < 50000) AS towns
			FROM areas a LEFT JOIN served s ON s.area_code = a.code`);
		expect(r.share).toBeGreaterThan(0.15);
		expect(r.share).toBeLessThan(0.3);
		expect(r.south).toBeGreaterThan(r.north);
		expect(r.cities).toBeGreaterThan(r.towns);
	});

	it('lets rural units serve several municipalities', async () => {
		const r = await q<'rural' | 'urban'>(`WITH home AS (
				SELECT u.unit_id, count(*) AS served, min(a.population) FILTER (WHERE a.name = replace(replace(replace(u.name, 'IPS ', ''), ' (region)', ''), ' (samordningsförbund)', '')) AS home_pop
				FROM units u JOIN unit_areas ua USING (unit_id) JOIN areas a ON a.code = ua.area_code GROUP BY u.unit_id)
			SELECT avg(served) FILTER (WHERE home_pop < 15000) AS rural, avg(served) FILTER (WHERE home_pop >= 50000) AS urban FROM home`);
		expect(r.rural).toBeGreaterThan(1.5);
		expect(r.rural).toBeGreaterThan(r.urban);
	});

	it('closes more than half of the units within three years, project-funded far more often', async () => {
		const r = await q<'closed3' | 'moved' | 'permanent' | 'project'>(`SELECT
				avg((closed_on < opened_on + INTERVAL 3 YEAR)::INT) AS closed3,
				avg((closed_on < opened_on + INTERVAL 3 YEAR)::INT) FILTER (WHERE funding_initial = 'project') AS project,
				avg((closed_on < opened_on + INTERVAL 3 YEAR)::INT) FILTER (WHERE funding_initial = 'permanent') AS permanent,
				count(*) FILTER (WHERE funding_initial = 'project' AND funding_current = 'permanent') AS moved
			FROM (SELECT * REPLACE (coalesce(closed_on, DATE '9999-12-31') AS closed_on) FROM units) u
			WHERE opened_on <= DATE '2026-10-31' - INTERVAL 3 YEAR`);
		expect(r.closed3).toBeGreaterThan(0.5);
		expect(r.project).toBeGreaterThan(2 * r.permanent);
		expect(r.moved).toBeGreaterThan(0);
	});

	it('keeps teams of 1–5 specialists, mostly 2–3', async () => {
		const r = await q<'largest' | 'smallest' | 'two_three'>(`SELECT min(specialists) AS smallest, max(specialists) AS largest,
			avg((specialists BETWEEN 2 AND 3)::INT) AS two_three FROM unit_week`);
		expect(r.smallest).toBe(1);
		expect(r.largest).toBe(5);
		expect(r.two_three).toBeGreaterThan(0.55);
	});

	it('has mostly full-time specialists, some half-time', () => {
		const ftes = fteShares(raw);
		expect(ftes.full).toBeGreaterThan(0.7);
		expect(ftes.half).toBeGreaterThan(0.08);
	});

	it('turns over specialists faster in small rural units', async () => {
		// The yearly rate itself (25–45 %, closures included) is checked over many seeds in calibration.test.ts.
		const r = await q<'other' | 'rural'>(`WITH home AS (SELECT unit_id, min(area_code) AS code FROM unit_areas GROUP BY 1)
			SELECT sum(leavers) FILTER (WHERE a.population < 15000) / (sum(specialists) FILTER (WHERE a.population < 15000) / 52) AS rural,
				sum(leavers) FILTER (WHERE a.population >= 15000) / (sum(specialists) FILTER (WHERE a.population >= 15000) / 52) AS other
			FROM unit_week JOIN units u USING (unit_id) JOIN home USING (unit_id) JOIN areas a ON a.code = home.code
			WHERE u.closed_on IS NULL`);
		expect(r.rural).toBeGreaterThan(r.other);
	});

	it('leaves vacant weeks before a replacement', async () => {
		// Weeks in which a running unit reports fewer specialists than its usual team.
		const r = await q<'short'>(`WITH t AS (SELECT unit_id, week, specialists, max(specialists) OVER (PARTITION BY unit_id) AS team FROM unit_week)
			SELECT avg((specialists < team)::INT) AS short FROM t`);
		expect(r.short).toBeGreaterThan(0.1);
	});

	it('carries 15–20 participants per full-time specialist', async () => {
		const r = await q<'per_fte'>(`SELECT sum(caseload) / sum(fte) AS per_fte FROM unit_week`);
		expect(r.per_fte).toBeGreaterThan(15);
		expect(r.per_fte).toBeLessThan(20);
	});

	it('grows waitlists and waits where referrals exceed capacity', async () => {
		const pressured = sim.units.filter((u) => u.pressure > 1.3).map((u) => `'${u.id}'`).join(',');
		const relaxed = sim.units.filter((u) => u.pressure < 0.9).map((u) => `'${u.id}'`).join(',');
		const r = await q<'pressured_queue' | 'pressured_wait' | 'relaxed_queue' | 'relaxed_wait'>(`SELECT
			avg(waitlist / specialists) FILTER (WHERE unit_id IN (${pressured})) AS pressured_queue,
			avg(waitlist / specialists) FILTER (WHERE unit_id IN (${relaxed})) AS relaxed_queue,
			sum(wait_days) FILTER (WHERE unit_id IN (${pressured})) / sum(enrolled) FILTER (WHERE unit_id IN (${pressured})) AS pressured_wait,
			sum(wait_days) FILTER (WHERE unit_id IN (${relaxed})) / sum(enrolled) FILTER (WHERE unit_id IN (${relaxed})) AS relaxed_wait
			FROM unit_week`);
		expect(r.pressured_queue).toBeGreaterThan(2 * r.relaxed_queue);
		expect(r.pressured_wait).toBeGreaterThan(r.relaxed_wait);
	});

	it('employs 40–50 % of the caseload in good-fidelity units, fewer in poor ones', async () => {
		const r = await q<'fair' | 'good' | 'poor'>(`WITH scored AS (
				SELECT uw.*, (SELECT score FROM fidelity f WHERE f.unit_id = uw.unit_id AND f.reviewed_on <= uw.week ORDER BY reviewed_on DESC LIMIT 1) AS score
				FROM unit_week uw)
			SELECT sum(employed) FILTER (WHERE score >= 100) / sum(caseload) FILTER (WHERE score >= 100) AS good,
				sum(employed) FILTER (WHERE score BETWEEN 74 AND 99) / sum(caseload) FILTER (WHERE score BETWEEN 74 AND 99) AS fair,
				sum(employed) FILTER (WHERE score < 74) / sum(caseload) FILTER (WHERE score < 74) AS poor
			FROM scored`);
		expect(r.good).toBeGreaterThan(0.4);
		expect(r.good).toBeLessThan(0.5);
		expect(r.fair).toBeLessThan(r.good);
		expect(r.poor).toBeLessThan(r.fair);
	});

	it('starts education mostly among young adults', () => {
		const { educationStartsYoung: young, educationStartsOlder: older } = sim.tally;
		expect(young / (young + older)).toBeGreaterThan(0.6);
	});

	it('reviews fidelity within the first year and then yearly, 60–120, improving with age', async () => {
		const r = await q<'first_by' | 'first_score' | 'fourth_on' | 'high' | 'longest_gap' | 'low' | 'shortest_gap' | 'trend'>(`WITH f AS (SELECT f.*, u.opened_on, row_number() OVER (PARTITION BY unit_id ORDER BY reviewed_on) AS n,
				reviewed_on - lag(reviewed_on) OVER (PARTITION BY unit_id ORDER BY reviewed_on) AS gap
				FROM fidelity f JOIN units u USING (unit_id))
			SELECT min(score) AS low, max(score) AS high,
				max(reviewed_on - opened_on) FILTER (WHERE n = 1) AS first_by,
				min(gap) AS shortest_gap, max(gap) AS longest_gap,
				avg(score) FILTER (WHERE n = 1) AS first_score, avg(score) FILTER (WHERE n >= 4) AS fourth_on,
				corr(score, reviewed_on - opened_on) AS trend
			FROM f`);
		expect(r.low).toBeGreaterThanOrEqual(60);
		expect(r.high).toBeLessThanOrEqual(120);
		expect(r.first_by).toBeLessThanOrEqual(365);
		expect(r.shortest_gap).toBeGreaterThanOrEqual(335);
		expect(r.longest_gap).toBeLessThanOrEqual(395);
		expect(r.fourth_on).toBeGreaterThan(r.first_score + 10);
		expect(r.trend).toBeGreaterThan(0.3);
	});

	it('dips in summer and at Christmas', async () => {
		const r = await q<'autumn' | 'christmas' | 'summer'>(`SELECT
			avg(referrals + job_starts + employer_contacts) FILTER (WHERE weekofyear(week) BETWEEN 27 AND 32) AS summer,
			avg(referrals + job_starts + employer_contacts) FILTER (WHERE weekofyear(week) IN (52, 53, 1)) AS christmas,
			avg(referrals + job_starts + employer_contacts) FILTER (WHERE weekofyear(week) BETWEEN 36 AND 48) AS autumn
			FROM unit_week`);
		expect(r.summer).toBeLessThan(0.7 * r.autumn);
		expect(r.christmas).toBeLessThan(0.7 * r.autumn);
	});
});

/** Shares of report rows by fte, read from the raw report files as the pipeline reads them. */
function fteShares(raw: string) {
	const counts = { full: 0, half: 0, all: 0 };
	const files = (readdirSync(join(raw, 'reports'), { recursive: true }) as string[]).filter(isTableFile);
	for (const file of files) {
		for (const row of readTable(join(raw, 'reports', file), file, REPORT_COLUMNS).rows) {
			const fte = Number(row.cells.fte!.replace(',', '.'));
			counts.all++;
			if (fte === 1) counts.full++;
			if (fte === 0.5) counts.half++;
		}
	}
	return { full: counts.full / counts.all, half: counts.half / counts.all };
}

describe('faults', () => {
	it('are each rejected by the rule they were made to break, and nothing else is', async () => {
		const root = tempDir();
		const raw = join(root, 'raw');
		const sim = simulate({ seed: 3, from: '2015-01', to: '2026-10', scale: 1, out: raw, referenceDir: SE, faults: true });
		const result = await runPipeline({ inDir: raw, referenceDir: SE, outDir: join(root, 'out'), maxRejectRate: 0.01, rejectsPath: join(root, 'r.csv') });
		expect(result.published).toBe(true);
		const expected = (JSON.parse(readFileSync(join(raw, 'faults.json'), 'utf8')) as { file: string; line: number; rule: string }[])
			.map((f) => `${f.file}:${f.line}:${f.rule}`);
		const rejected = [...csvRecords(readFileSync(result.rejectsPath, 'utf8'), ',')].slice(1).map((r) => `${r.cells[0]}:${r.cells[1]}:${r.cells[4]}`);
		expect(sim.faults).toBeGreaterThan(50);
		expect(new Set(expected.map((e) => e.split(':')[2])).size).toBe(14);
		expect(rejected.sort()).toEqual(expected.sort());
	}, 120_000);
});

/** Every row rule of the input contract, each broken once by an otherwise valid row. */
import { describe, expect, it } from 'vitest';
import { INVALID, type z } from 'zod';
import { fromIssues } from '../../pipelines/rejects.ts';
import {
	areaSchema,
	reportSchema,
	reportFastPaths,
	reportRuntimeSchemas,
	reportSchemaDecimalComma,
	unitEventSchema,
	unitSchema,
	type Rule,
} from '../../pipelines/schema/index.ts';

type Cells = Record<string, string | undefined>;

const validReport: Cells = {
	report_id: 'r-1',
	unit_id: 'u_1',
	specialist_id: 'spec-7',
	week: '2024-W07',
	submitted_at: '2024-02-19T08:30:00Z',
	fte: '0.5',
	caseload: '16',
	caseload_young: '5',
	referrals: '2',
	waitlist: '4',
	enrolled: '1',
	wait_days: '12',
	employer_contacts: '6',
	job_starts: '1',
	employed: '7',
	education_starts: '0',
	in_education: '2',
	exits: '1',
};

const problems = (schema: z.ZodType, cells: Cells) => {
	const result = schema.safeParse(cells);
	return result.success ? [] : fromIssues('f.csv', 2, cells, result.error.issues).map((r) => [r.column, r.rule]);
};

describe('weekly report', () => {
	it('accepts a valid row and types its values', () => {
		const parsed = reportSchema.parse(validReport);
		expect(parsed.fte).toBe(0.5);
		expect(parsed.caseload).toBe(16);
		expect(parsed.week).toBe(Date.UTC(2024, 1, 12) / 86_400_000);
		expect(parsed.submitted_at).toBe(Date.UTC(2024, 1, 19, 8, 30));
	});

	const cases: [string, Cells, string, Rule][] = [
		['missing report_id', { report_id: undefined }, 'report_id', 'missing_value'],
		['id with a space', { unit_id: 'unit 1' }, 'unit_id', 'id_format'],
		['id longer than 40', { report_id: 'x'.repeat(41) }, 'report_id', 'id_format'],
		['spreadsheet formula as id', { unit_id: "=cmd|' /C calc'!A0" }, 'unit_id', 'id_format'],
		// Made-up numbers with real dates and valid check digits.
		['personnummer, 12 digits', { specialist_id: '198001011231' }, 'specialist_id', 'personal_identity_number'],
		['personnummer with dash', { specialist_id: '800101-1231' }, 'specialist_id', 'personal_identity_number'],
		['samordningsnummer (day + 60)', { specialist_id: '900475-1237' }, 'specialist_id', 'personal_identity_number'],
		['fødselsnummer', { specialist_id: '01018012371' }, 'specialist_id', 'personal_identity_number'],
		// A mistyped number is still someone's: real dates with wrong check digits, in every form (#21).
		['12 digits with a dash, check digit wrong', { specialist_id: '19850312-1234' }, 'specialist_id', 'personal_identity_number'],
		['12 digits, check digit wrong', { specialist_id: '198503121234' }, 'specialist_id', 'personal_identity_number'],
		['10 digits with a dash, check digit wrong', { specialist_id: '850312-1234' }, 'specialist_id', 'personal_identity_number'],
		['10 digits, check digit wrong', { specialist_id: '8001011234' }, 'specialist_id', 'personal_identity_number'],
		['samordningsnummer, check digit wrong', { specialist_id: '900475-1234' }, 'specialist_id', 'personal_identity_number'],
		['fødselsnummer, mod-11 check wrong', { specialist_id: '01018012345' }, 'specialist_id', 'personal_identity_number'],
		['12 digits on a leap day', { specialist_id: '200002291234' }, 'specialist_id', 'personal_identity_number'],
		['week 54', { week: '2023-W54' }, 'week', 'week_format'],
		['week as a date', { week: '2024-02-12' }, 'week', 'week_format'],
		['bad timestamp', { submitted_at: '2023-02-30T10:00:00Z' }, 'submitted_at', 'timestamp_format'],
		['fte zero', { fte: '0' }, 'fte', 'fte_range'],
		['fte above one', { fte: '1.2' }, 'fte', 'fte_range'],
		['fte with decimal comma in a , file', { fte: '0,5' }, 'fte', 'not_number'],
		['count not a number', { caseload: 'twelve' }, 'caseload', 'not_integer'],
		['count with decimals', { referrals: '1.5' }, 'referrals', 'not_integer'],
		['negative count', { exits: '-1' }, 'exits', 'negative'],
		['number past 2^53', { employer_contacts: '9007199254740993' }, 'employer_contacts', 'too_large'],
		['empty count', { waitlist: '' }, 'waitlist', 'missing_value'],
		['young above caseload', { caseload_young: '17' }, 'caseload_young', 'exceeds_caseload'],
		['employed above caseload', { employed: '17' }, 'employed', 'exceeds_caseload'],
		['in education above caseload', { in_education: '17' }, 'in_education', 'exceeds_caseload'],
		['wait days without enrolment', { enrolled: '0', wait_days: '3' }, 'wait_days', 'wait_without_enrolment'],
	];
	it.each([
		['ten digits with no real month', '8013011231'],
		['ten digits with no real day', '8002301234'],
		['twelve digits whose date is not in its year (29 February 1900)', '190002291234'],
		['eleven digits with no real date', '32138012345'],
		['nine digits', '800101123'],
		['letters and digits', 'S-850312-1234'],
	])('takes %s as a pseudonym, not a personal identity number', (_, value) => {
		expect(problems(reportSchema, { ...validReport, specialist_id: value })).toEqual([]);
	});

	it.each(cases)('rejects %s', (_, change, column, rule) => {
		expect(problems(reportSchema, { ...validReport, ...change })).toEqual([[column, rule]]);
	});

	it('reads decimal commas in ;-separated files', () => {
		expect(reportSchemaDecimalComma.parse({ ...validReport, fte: '0,75' }).fte).toBe(0.75);
		expect(problems(reportSchemaDecimalComma, { ...validReport, fte: '0.75' })).toEqual([['fte', 'not_number']]);
	});

	it('reports every broken field of a row', () => {
		expect(problems(reportSchema, { ...validReport, fte: '2', exits: '-3' })).toEqual([
			['fte', 'fte_range'],
			['exits', 'negative'],
		]);
	});
});

describe('units.csv', () => {
	const unit = { unit_id: 'u1', name: 'Alpha IPS', org_type: 'municipal', host: 'Alpha', region_code: 'R1' };
	it('accepts a unit and keeps a formula in a text field as text', () => {
		expect(unitSchema.parse({ ...unit, host: '=SUM(A1)' }).host).toBe('=SUM(A1)');
	});
	it.each([
		[{ org_type: 'private' }, 'org_type', 'org_type'],
		[{ name: '  ' }, 'name', 'text_required'],
		[{ region_code: undefined }, 'region_code', 'missing_value'],
	] as const)('rejects %j', (change, column, rule) => {
		expect(problems(unitSchema, { ...unit, ...change })).toEqual([[column, rule]]);
	});
});

describe('unit_events.csv', () => {
	const event = { unit_id: 'u1', date: '2024-01-01', event: 'opened', value: '' };
	it.each([
		[{ date: '2023-02-30' }, 'date', 'date_format'],
		[{ event: 'merged' }, 'event', 'event_type'],
		[{ event: 'funding', value: 'grant' }, 'value', 'funding_value'],
		[{ event: 'fidelity_review', value: '24' }, 'value', 'fidelity_score'],
		[{ event: 'fidelity_review', value: '126' }, 'value', 'fidelity_score'],
		[{ event: 'fidelity_review', value: '99.5' }, 'value', 'fidelity_score'],
		[{ event: 'serves', value: '' }, 'value', 'missing_value'],
	] as const)('rejects %j', (change, column, rule) => {
		expect(problems(unitEventSchema, { ...event, ...change })).toEqual([[column, rule]]);
	});
	it('accepts the boundary fidelity scores', () => {
		expect(problems(unitEventSchema, { ...event, event: 'fidelity_review', value: '25' })).toEqual([]);
		expect(problems(unitEventSchema, { ...event, event: 'fidelity_review', value: '125' })).toEqual([]);
	});
});

describe('areas.csv', () => {
	it('types an area and rejects an impossible latitude', () => {
		const area = { code: '0114', name: 'Upplands Väsby', region_code: '01', region_name: 'Stockholms län', population: '50323', population_year: '2024', lat: '59.52', lon: '17.90' };
		expect(areaSchema.parse(area).population).toBe(50323);
		expect(problems(areaSchema, { ...area, lat: '95' })).toEqual([['lat', 'not_number']]);
	});
});

describe("a report row's fast path", () => {
	// Values around every edge the fields have: signs, spaces, bounds, separators, scripts, missing.
	const VARIANTS = ['', ' ', '0', '05', '+5', '-1', ' 7 ', '100000', '100001', '1', '1.0', '1,0', '0.5', '0,5', '1.5', '1e3', '0x10', '١', 'abc', 'a b', 'x\u0007', '19121212-1212', '2024-W07', '2024-W53', '2020-W53', '2024-02-19T08:30:00Z', '2024-02-30T08:30', '2024-02-19 08:30', undefined];
	const schemas = [
		['.', reportRuntimeSchemas['.'], reportFastPaths['.']],
		[',', reportRuntimeSchemas[','], reportFastPaths[',']],
	] as const;

	it('gives what zod gives for every row zod accepts, and hands every other row to zod', () => {
		let fast = 0;
		let handed = 0;
		for (const [separator, runtime, fastPath] of schemas) {
			const base = { ...validReport, fte: separator === '.' ? '0.5' : '0,5' };
			const rows: Cells[] = [base, { ...base, caseload_young: '17' }, { ...base, employed: '17' }, { ...base, in_education: '17' }, { ...base, enrolled: '0' }, { ...base, enrolled: '0', wait_days: '0' }];
			for (const column of Object.keys(base)) for (const value of VARIANTS) rows.push({ ...base, [column]: value });
			for (const row of rows) {
				const expected = runtime.safeParse(row);
				const got = fastPath(row);
				if (expected.success) {
					expect(got, JSON.stringify(row)).toEqual(expected.data);
					fast++;
				} else {
					expect(got, JSON.stringify(row)).toBe(INVALID);
					handed++;
				}
			}
		}
		// Both ways are taken often: the comparison is not empty on either side.
		expect(fast).toBeGreaterThan(50);
		expect(handed).toBeGreaterThan(300);
	});

	it('is the schema the pipeline uses: a valid row is parsed by it, a bad one worded by zod', () => {
		const ok = reportSchema.safeParse(validReport);
		expect(ok.success && ok.data).toEqual(reportFastPaths['.'](validReport));
		const bad = reportSchema.safeParse({ ...validReport, caseload_young: '17' });
		expect(bad.success ? [] : fromIssues('f.csv', 2, validReport, bad.error.issues).map((r) => r.rule)).toEqual(['exceeds_caseload']);
	});
});

/** The check page's refusals before a file is read, and its rejects in the reader's language (src/lib/check). */
import { describe, expect, it } from 'vitest';
import { fileProblem, MAX_FILE_BYTES } from '$lib/check/protocol';
import { inReportOrder, rejectsCsv, ruleMessage } from '$lib/check/rejects';
import { reject } from '../../pipelines/rejects.ts';
import { RULES, RULES_SV } from '../../pipelines/schema/rules.ts';

describe('a file refused before it is read', () => {
	it('by its kind, its emptiness or its size, the limit included', () => {
		expect(fileProblem('budget.xlsx', 10)).toBe('xlsx');
		expect(fileProblem('Budget.XLS', 10)).toBe('xlsx');
		expect(fileProblem('notes.txt', 10)).toBe('not_a_table');
		expect(fileProblem('2024-W01.csv', 0)).toBe('empty');
		expect(fileProblem('2024-W01.csv', MAX_FILE_BYTES)).toBeNull();
		expect(fileProblem('2024-W01.csv', MAX_FILE_BYTES + 1)).toBe('too_large');
		expect(fileProblem('late.NDJSON', 5)).toBeNull();
	});
});

describe('the rejects as shown', () => {
	it('has a Swedish sentence for every rule', () => {
		expect(Object.keys(RULES_SV).sort()).toEqual(Object.keys(RULES).sort());
		for (const text of Object.values(RULES_SV)) expect(text.length).toBeGreaterThan(5);
	});

	it('words a reject in Swedish, keeping the detail it was found with', () => {
		const broken = reject('a.csv', 4, '', 'x;y', 'malformed_row', 'the row has 2 values, the header has 18');
		expect(ruleMessage(broken, 'en')).toBe('the row could not be read: the row has 2 values, the header has 18');
		expect(ruleMessage(broken, 'sv')).toBe('raden kunde inte läsas: the row has 2 values, the header has 18');
	});

	it('orders rejects as the pipeline reports them and writes its CSV', () => {
		const rejects = inReportOrder([
			reject('b.csv', 2, 'fte', '2', 'fte_range'),
			reject('a.csv', 10, 'week', 'x', 'week_format'),
			reject('a.csv', 9, 'waitlist', '-4', 'negative'),
			reject('a.csv', 9, 'caseload', '', 'missing_value'),
		]);
		expect(rejects.map((r) => `${r.file}:${r.line}:${r.column}`)).toEqual(['a.csv:9:caseload', 'a.csv:9:waitlist', 'a.csv:10:week', 'b.csv:2:fte']);
		// A value that starts like a formula is written so that a spreadsheet shows it as text, as the pipeline writes it.
		expect(rejectsCsv(rejects).split('\n').slice(0, 3)).toEqual([
			'file,line,column,value,rule,message',
			'a.csv,9,caseload,,missing_value,a value is required',
			"a.csv,9,waitlist,'-4,negative,must be zero or more",
		]);
	});
});

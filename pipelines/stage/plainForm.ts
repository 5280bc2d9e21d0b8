/**
 * What a plain report line looks like: the eighteen values of the contract,
 * each in the one form that needs no second look, as a regular expression per
 * delimiter. stage_reports.sql lets a line through its bulk checks only when
 * it matches (a JSON Lines record is first turned into a comma-separated line
 * of its values); every other line goes to the row-by-row validator, which
 * knows the whole contract. So these patterns may be narrower than the
 * contract (they are), never wider: tests/unit/stage.test.ts holds the two
 * paths to the same answers.
 *
 * RE2 syntax (DuckDB's regular expressions), matched against the whole line.
 */
import { decimalOf } from '../read/table.ts';
import { REPORT_COLUMNS } from '../schema/report.ts';

/** pipelines/schema/fields.ts: ids and pseudonyms. */
const ID = '[A-Za-z0-9_-]{1,40}';
/** An ISO week of the years 1900–2999; the week number is checked against its year in SQL. */
const WEEK = '(?:19|2[0-9])[0-9]{2}-W[0-9]{2}';
/** Date and time to the minute or second, optionally Z: what spreadsheets and our exports write. */
const TIMESTAMP = '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?Z?';
/** A count as a number prints it: no sign, no leading zero, no spaces; six digits at most (100,000 is checked in SQL). */
const COUNT = '(?:0|[1-9][0-9]{0,5})';
const decimal = (separator: string) => `(?:0|[1-9][0-9]{0,5})(?:${separator}[0-9]{1,17})?`;

function pattern(delimiter: ',' | ';'): string {
	const separator = decimalOf(delimiter);
	const fte = decimal(separator === '.' ? '\\.' : separator);
	return REPORT_COLUMNS.map((column) =>
		column === 'week' ? WEEK : column === 'submitted_at' ? TIMESTAMP : column === 'fte' ? fte : column.endsWith('_id') ? ID : COUNT,
	).join(delimiter);
}

/** The SQL variables stage_reports.sql reads. */
export const PLAIN_FORM_VARIABLES = {
	plain_comma: pattern(','),
	plain_semicolon: pattern(';'),
} as const;

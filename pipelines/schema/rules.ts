/**
 * Every rule an input row can break, with the sentence a manager reads in the
 * rejects report. Schemas raise issues whose message is the rule id, so the id
 * is stable for tests and the wording can change here alone.
 */
export const RULES = {
	missing_value: 'a value is required',
	unknown_column: 'this column is not part of the input contract',
	id_format: 'must be 1–40 letters, digits, "_" or "-"',
	personal_identity_number: 'looks like a personal identity number; use a pseudonym',
	date_format: 'must be a real calendar date written YYYY-MM-DD',
	week_format: 'must be a real ISO week written YYYY-Www (e.g. 2024-W07)',
	timestamp_format: 'must be an ISO 8601 date and time, e.g. 2024-02-19T08:30:00Z',
	not_integer: 'must be a whole number',
	not_number: 'must be a number (decimal point, or decimal comma in ;-separated files)',
	negative: 'must be zero or more',
	too_large: 'is implausibly large (more than 100,000)',
	fte_range: 'must be more than 0 and at most 1',
	exceeds_caseload: 'cannot be more than caseload',
	wait_without_enrolment: 'must be 0 when enrolled is 0',
	week_after_submission: 'the week reported on starts after the date the report was submitted (in its own time zone)',
	in_future: 'dated after the run’s reference date (today, or --as-of): a report from the future is not accepted',
	unit_unknown: 'unit_id is not in units.csv (or its unit was rejected)',
	unit_not_open: 'the unit was not open during this week',
	conflicting_submission:
		'another, different submission for the same unit, specialist and week has the same submitted_at',
	report_id_reused: 'report_id was already used for a different submission',
	org_type: 'must be municipal, region or joint',
	text_required: 'must not be empty',
	region_unknown: 'region_code is not a region in the reference areas',
	area_unknown: 'is not a municipality code in the reference areas',
	duplicate_unit: 'unit_id appears more than once in units.csv',
	event_type: 'must be opened, funding, serves, stops_serving, fidelity_review or closed',
	funding_value: 'must be permanent, project or mixed',
	fidelity_score: 'must be a whole IPS-25 total score from 25 to 125',
	event_before_opened: "the unit's first event must be opened",
	opened_twice: 'the unit was already opened',
	event_after_closed: 'no event may follow closed',
	not_served: 'the unit does not serve this municipality at that date',
	already_served: 'the unit already serves this municipality',
	no_opened_event: 'the unit has no valid opened event in unit_events.csv',
	event_unit_unknown: 'unit_id is not in units.csv',
	event_unit_rejected: 'the unit’s row in units.csv was rejected, so its events cannot be used',
	control_character: 'must not hold control characters (such as a NUL byte or a line break)',
	malformed_row: 'the row could not be read',
} as const;

export type Rule = keyof typeof RULES;

export const isRule = (value: string): value is Rule => Object.hasOwn(RULES, value);

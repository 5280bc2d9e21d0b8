/** Event folding: a unit's log of dated events becomes its life. */
import { describe, expect, it } from 'vitest';
import { foldUnits, openDuring, type LocatedEvent, type LocatedUnit } from '../../pipelines/fold.ts';
import { parseIsoDate } from '../../pipelines/schema/time.ts';

const unit = (unit_id: string, line: number): LocatedUnit => ({
	unit_id, name: unit_id, org_type: 'municipal', host: 'h', region_code: 'R1', file: 'units.csv', line,
});
let line = 1;
const ev = (unit_id: string, date: string, event: LocatedEvent['event'], value = ''): LocatedEvent => ({
	unit_id, date: parseIsoDate(date)!, event, value, file: 'unit_events.csv', line: ++line,
});
const day = (date: string) => parseIsoDate(date)!;
const areas = new Set(['A', 'B', 'C']);

describe('foldUnits', () => {
	it('follows a unit that changes funding, adds and drops a municipality, and closes', () => {
		const { lives, rejects } = foldUnits(
			[unit('u1', 2)],
			[
				ev('u1', '2020-03-01', 'opened'),
				ev('u1', '2020-03-01', 'funding', 'project'),
				ev('u1', '2020-03-01', 'serves', 'A'),
				ev('u1', '2021-01-01', 'serves', 'B'),
				ev('u1', '2021-06-01', 'stops_serving', 'B'),
				ev('u1', '2022-01-01', 'funding', 'permanent'),
				ev('u1', '2020-12-01', 'fidelity_review', '88'), // out of date order in the file
				ev('u1', '2023-03-01', 'closed', 'money ran out'),
			],
			areas,
		);
		expect(rejects).toEqual([]);
		const life = lives.get('u1')!;
		expect(life.opened_on).toBe(day('2020-03-01'));
		expect(life.closed_on).toBe(day('2023-03-01'));
		expect([life.funding_initial, life.funding_current]).toEqual(['project', 'permanent']);
		expect(life.areas).toEqual([
			{ area_code: 'A', valid_from: day('2020-03-01'), valid_to: day('2023-03-01') },
			{ area_code: 'B', valid_from: day('2021-01-01'), valid_to: day('2021-06-01') },
		]);
		expect(life.reviews).toEqual([{ reviewed_on: day('2020-12-01'), score: 88 }]);
		expect(openDuring(life, day('2023-02-27'))).toBe(true);
		expect(openDuring(life, day('2023-03-06'))).toBe(false);
		expect(openDuring(life, day('2020-02-24'))).toBe(true); // opened on that week's Sunday
		expect(openDuring(life, day('2020-02-17'))).toBe(false);
	});

	it('lets a municipality be served again after a pause', () => {
		const { lives } = foldUnits(
			[unit('u1', 2)],
			[ev('u1', '2020-01-01', 'opened'), ev('u1', '2020-01-01', 'serves', 'A'), ev('u1', '2020-06-01', 'stops_serving', 'A'), ev('u1', '2021-01-01', 'serves', 'A')],
			areas,
		);
		expect(lives.get('u1')!.areas).toEqual([
			{ area_code: 'A', valid_from: day('2020-01-01'), valid_to: day('2020-06-01') },
			{ area_code: 'A', valid_from: day('2021-01-01'), valid_to: null },
		]);
	});

	it('rejects events that break the order rules and keeps the rest', () => {
		const events = [
			ev('u1', '2019-12-01', 'funding', 'project'), // before opened
			ev('u1', '2020-01-01', 'opened'),
			ev('u1', '2020-02-01', 'opened'), // twice
			ev('u1', '2020-02-01', 'serves', 'Z'), // unknown area
			ev('u1', '2020-02-01', 'serves', 'A'),
			ev('u1', '2020-03-01', 'serves', 'A'), // already served
			ev('u1', '2020-03-01', 'stops_serving', 'B'), // never served
			ev('u1', '2021-01-01', 'closed'),
			ev('u1', '2021-01-01', 'fidelity_review', '90'), // same day, after closed
			ev('u1', '2022-01-01', 'serves', 'C'), // after closed
			ev('nobody', '2020-01-01', 'opened'),
		];
		const { lives, rejects } = foldUnits([unit('u1', 2), unit('u2', 3), unit('u1', 4)], events, areas);
		expect(rejects.map((r) => [r.file, r.line, r.column, r.rule])).toEqual([
			['units.csv', 4, 'unit_id', 'duplicate_unit'],
			['unit_events.csv', events[10]!.line, 'unit_id', 'event_unit_unknown'],
			['unit_events.csv', events[0]!.line, 'event', 'event_before_opened'],
			['unit_events.csv', events[2]!.line, 'event', 'opened_twice'],
			['unit_events.csv', events[3]!.line, 'value', 'area_unknown'],
			['unit_events.csv', events[5]!.line, 'value', 'already_served'],
			['unit_events.csv', events[6]!.line, 'value', 'not_served'],
			['unit_events.csv', events[8]!.line, 'event', 'event_after_closed'],
			['unit_events.csv', events[9]!.line, 'event', 'event_after_closed'],
			['units.csv', 3, 'unit_id', 'no_opened_event'],
		]);
		expect(lives.get('u1')!.areas).toEqual([{ area_code: 'A', valid_from: day('2020-02-01'), valid_to: day('2021-01-01') }]);
		expect(lives.get('u1')!.reviews).toEqual([]);
		expect(lives.has('u2')).toBe(false);
	});
});

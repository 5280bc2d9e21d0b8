/**
 * Folds each unit's event log into its life: when it opened and closed, how it
 * was funded, which municipalities it served and when, and its fidelity
 * reviews. Events are taken in date order (file order within a date); an event
 * that breaks the order rules is rejected, and the rest of the log still counts.
 */
import { reject, type Reject } from './rejects.ts';
import type { Funding, Unit, UnitEvent } from './schema/index.ts';

export interface LocatedEvent extends UnitEvent {
	file: string;
	line: number;
}

export interface LocatedUnit extends Unit {
	file: string;
	line: number;
}

export interface AreaPeriod {
	area_code: string;
	/** Day numbers; valid_to is the day it stopped (exclusive), null while still served. */
	valid_from: number;
	valid_to: number | null;
}

export interface FundingPeriod {
	funding: Funding;
	valid_from: number;
	valid_to: number | null;
}

export interface UnitLife extends Unit {
	opened_on: number;
	closed_on: number | null;
	funding_initial: Funding | null;
	funding_current: Funding | null;
	areas: AreaPeriod[];
	/** How it was funded from when, in date order; valid_to as for areas. */
	funding: FundingPeriod[];
	reviews: { reviewed_on: number; score: number }[];
}

export function foldUnits(
	units: readonly LocatedUnit[],
	events: readonly LocatedEvent[],
	areaCodes: ReadonlySet<string>,
	/** Units whose row in units.csv was rejected, with its line: their events say so. */
	rejectedUnits: ReadonlyMap<string, number> = new Map(),
): { lives: Map<string, UnitLife>; rejects: Reject[] } {
	const rejects: Reject[] = [];
	const known = new Map<string, LocatedUnit>();
	for (const unit of units) {
		if (known.has(unit.unit_id)) rejects.push(reject(unit.file, unit.line, 'unit_id', unit.unit_id, 'duplicate_unit'));
		else known.set(unit.unit_id, unit);
	}

	const logs = new Map<string, LocatedEvent[]>();
	for (const event of events) {
		if (!known.has(event.unit_id)) {
			const line = rejectedUnits.get(event.unit_id);
			rejects.push(
				line === undefined
					? reject(event.file, event.line, 'unit_id', event.unit_id, 'event_unit_unknown')
					: reject(event.file, event.line, 'unit_id', event.unit_id, 'event_unit_rejected', `see units.csv, line ${line}`),
			);
			continue;
		}
		const log = logs.get(event.unit_id) ?? [];
		log.push(event);
		logs.set(event.unit_id, log);
	}

	const lives = new Map<string, UnitLife>();
	for (const [unitId, unit] of known) {
		const log = (logs.get(unitId) ?? []).slice().sort((a, b) => a.date - b.date); // stable: file order within a day
		const life = foldLog(unit, log, areaCodes, rejects);
		if (life) lives.set(unitId, life);
		else rejects.push(reject(unit.file, unit.line, 'unit_id', unitId, 'no_opened_event'));
	}
	return { lives, rejects };
}

function foldLog(unit: LocatedUnit, log: LocatedEvent[], areaCodes: ReadonlySet<string>, rejects: Reject[]): UnitLife | undefined {
	const { file: _file, line: _line, ...facts } = unit;
	let life: UnitLife | undefined;
	const served = new Map<string, AreaPeriod>();
	for (const event of log) {
		const fail = (rule: Parameters<typeof reject>[4], column = 'event') =>
			rejects.push(reject(event.file, event.line, column, column === 'value' ? event.value : event.event, rule));
		if (!life) {
			if (event.event !== 'opened') fail('event_before_opened');
			else
				life = { ...facts, opened_on: event.date, closed_on: null, funding_initial: null, funding_current: null, areas: [], funding: [], reviews: [] };
			continue;
		}
		if (life.closed_on !== null) {
			fail('event_after_closed');
			continue;
		}
		switch (event.event) {
			case 'opened':
				fail('opened_twice');
				break;
			case 'funding':
				life.funding_initial ??= event.value as Funding;
				life.funding_current = event.value as Funding;
				if (life.funding.length) life.funding.at(-1)!.valid_to = event.date;
				life.funding.push({ funding: event.value as Funding, valid_from: event.date, valid_to: null });
				break;
			case 'serves':
				if (!areaCodes.has(event.value)) fail('area_unknown', 'value');
				else if (served.has(event.value)) fail('already_served', 'value');
				else {
					const period: AreaPeriod = { area_code: event.value, valid_from: event.date, valid_to: null };
					served.set(event.value, period);
					life.areas.push(period);
				}
				break;
			case 'stops_serving': {
				const period = served.get(event.value);
				if (!period) fail(areaCodes.has(event.value) ? 'not_served' : 'area_unknown', 'value');
				else {
					period.valid_to = event.date;
					served.delete(event.value);
				}
				break;
			}
			case 'fidelity_review':
				life.reviews.push({ reviewed_on: event.date, score: Number(event.value) });
				break;
			case 'closed':
				life.closed_on = event.date;
				for (const period of served.values()) period.valid_to = event.date;
				served.clear();
				if (life.funding.length) life.funding.at(-1)!.valid_to = event.date;
				break;
		}
	}
	if (life) {
		// A period that ended the day it began (two events on one day) held no day.
		life.areas = life.areas.filter((p) => p.valid_to === null || p.valid_to > p.valid_from);
		life.funding = life.funding.filter((p) => p.valid_to === null || p.valid_to > p.valid_from);
	}
	return life;
}

/** Whether a unit was open at some time during the week starting on `monday`. */
export const openDuring = (life: UnitLife, monday: number) =>
	life.opened_on < monday + 7 && (life.closed_on === null || life.closed_on > monday);

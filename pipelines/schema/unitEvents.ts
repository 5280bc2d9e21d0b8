/**
 * unit_events.csv: a unit's life as dated events. The value's meaning depends
 * on the event; order rules (opened first, nothing after closed) need the whole
 * log and live in pipelines/fold.ts.
 */
import { z } from 'zod';
import { FIDELITY_SCALE, FUNDING, type Funding } from '../../src/lib/contract/enums.ts';
import { id, isoDate } from './fields.ts';

export { FUNDING, type Funding };

export const EVENT_TYPES = [
	'opened',
	'funding',
	'serves',
	'stops_serving',
	'fidelity_review',
	'closed',
] as const;
export const UNIT_EVENT_COLUMNS = ['unit_id', 'date', 'event', 'value'] as const;

export type EventType = (typeof EVENT_TYPES)[number];

const FIDELITY = /^\d{2,3}$/;

export const unitEventSchema = z
	.object({
		unit_id: id,
		date: isoDate,
		event: z.enum(EVENT_TYPES, { error: 'event_type' }),
		value: z
			.string()
			.optional()
			.transform((value) => value?.trim() ?? ''),
	})
	.superRefine((row, ctx) => {
		const fail = (message: string) => ctx.addIssue({ code: 'custom', message, path: ['value'] });
		switch (row.event) {
			case 'funding':
				if (!(FUNDING as readonly string[]).includes(row.value)) fail('funding_value');
				break;
			case 'fidelity_review': {
				const score = Number(row.value);
				if (!FIDELITY.test(row.value) || score < FIDELITY_SCALE.min || score > FIDELITY_SCALE.max) fail('fidelity_score');
				break;
			}
			case 'serves':
			case 'stops_serving':
				if (row.value === '') fail('missing_value');
				break;
		}
	});

export type UnitEvent = z.output<typeof unitEventSchema>;

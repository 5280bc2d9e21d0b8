/** units.csv: one row per unit. Region codes are checked against the reference areas later. */
import { z } from 'zod';
import { id, text } from './fields.ts';

import { ORG_TYPES } from '../../src/lib/contract/enums.ts';

export { ORG_TYPES };

export const UNIT_COLUMNS = ['unit_id', 'name', 'org_type', 'host', 'region_code'] as const;

export const unitSchema = z.object({
	unit_id: id,
	name: text,
	org_type: z.enum(ORG_TYPES, { error: 'org_type' }),
	host: text,
	region_code: id,
});

export type Unit = z.output<typeof unitSchema>;

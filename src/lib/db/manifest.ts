/** manifest.json as the pipeline writes it (pipelines/run.ts), checked on the way in. */
import { z } from 'zod';

const file = z.object({ bytes: z.number(), sha256: z.string() });

export const MART_NAMES = ['unit_week', 'units', 'unit_areas', 'areas', 'fidelity', 'specialist_spells'] as const;

export const manifestSchema = z.object({
	schema_version: z.literal(1),
	data_period: z
		.object({ first_week: z.string(), last_week: z.string(), first_iso_week: z.string(), last_iso_week: z.string() })
		.nullable(),
	marts: z.record(z.string(), z.object({ rows: z.number(), parquet: file, arrow: file })),
	rejects: z.object({ rows: z.number(), problems: z.number() }).loose(),
	revisions: z.object({ replaced: z.number(), duplicates: z.number() }),
	completeness: z.object({ expected_unit_weeks: z.number(), reported_unit_weeks: z.number(), share: z.number().nullable() }),
});

export type Manifest = z.infer<typeof manifestSchema>;

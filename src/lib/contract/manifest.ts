/**
 * manifest.json: written by the pipeline, read (and checked with this
 * schema) by the site at build time and in the browser.
 */
import { z } from 'zod';
import { PROFILES } from './marts.ts';

const fileFacts = z.object({ bytes: z.number(), sha256: z.string() });
const unitKey = z.tuple([z.string(), z.string()]);
/** One part of a mart (./parts.ts): its path under data/ (unit_quarter/part-000.arrow), rows, size and hash, and the regions of its units and its first and last unit in the order of parts. */
const part = fileFacts.extend({ file: z.string(), rows: z.number(), regions: z.array(z.string()), first: unitKey, last: unitKey });
/** A mart's rows and Parquet file, and its Arrow as one file or, for a mart of PARTITIONED_MARTS, as parts (./parts.ts). */
const martFacts = z.union([
	z.object({ rows: z.number(), parquet: fileFacts, arrow: fileFacts }),
	// A mart holding the cube's cells too has them in a file of their own, which every statement that names it reads.
	z.object({ rows: z.number(), parquet: fileFacts, parts: z.array(part), cells: fileFacts.extend({ file: z.string(), rows: z.number() }).optional() }),
]);

export const manifestSchema = z.object({
	schema_version: z.literal(1),
	/** Which marts were published: internal (unit × week) or public (aggregates, small counts suppressed below min_cell). */
	profile: z.enum(PROFILES).default('internal'),
	min_cell: z.number().int().positive().nullable().default(null),
	/**
	 * Per public mart: its cells (a value that counts people), how many were withheld as small (primary) or to protect
	 * them (secondary), and how many withheld values stay narrower than their protection level because what is published
	 * bounds them so (unprotected; 0 on the demo's seeds).
	 */
	suppression: z
		.record(z.string(), z.object({ cells: z.number(), primary: z.number(), secondary: z.number(), unprotected: z.number().optional() }))
		.optional(),
	data_period: z
		.object({ first_week: z.string(), last_week: z.string(), first_iso_week: z.string(), last_iso_week: z.string() })
		.nullable(),
	marts: z.record(z.string(), martFacts),
	/** Published beside the marts when the country has boundaries (see BOUNDARIES_FILE). */
	boundaries: fileFacts.nullable().optional(),
	/** Rejected rows and problems; `summary` is the published rejects_summary.csv (counts only, no values). */
	rejects: z.object({ rows: z.number(), problems: z.number(), by_rule: z.record(z.string(), z.number()), summary: fileFacts }),
	revisions: z.object({ replaced: z.number(), duplicates: z.number() }),
	/** Rows kept but implausible for their unit (a value more than 50 times the unit's median), counted by column. */
	warnings: z.object({ rows: z.number(), by_column: z.record(z.string(), z.number()) }).optional(),
	inputs: z.object({
		report_files: z.number(),
		report_rows: z.number(),
		unit_rows: z.number(),
		event_rows: z.number(),
		/** Where every row went, file by file: rows = published + replaced + duplicates + rejected. */
		accounting: z
			.object({
				reports: z.array(z.object({ file: z.string(), rows: z.number(), published: z.number(), replaced: z.number(), duplicates: z.number(), rejected: z.number() })),
				units: z.object({ rows: z.number(), published: z.number(), rejected: z.number() }),
				events: z.object({ rows: z.number(), used: z.number(), rejected: z.number() }),
			})
			.optional(),
	}),
	completeness: z.object({ expected_unit_weeks: z.number(), reported_unit_weeks: z.number(), share: z.number().nullable() }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type FileFacts = z.infer<typeof fileFacts>;
export type MartFacts = z.infer<typeof martFacts>;
export type Part = z.infer<typeof part>;

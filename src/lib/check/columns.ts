/**
 * The accepted rows as columns (pipelines/stage/validateRow.ts
 * STAGED_COLUMNS), the way a worker hands them to the page: typed arrays
 * and UTF-8 bytes, which cross to the page without a copy and become an
 * Arrow table there (./revisions.ts) that DuckDB-wasm takes without parsing
 * text. As tab-separated text, a million rows cost the workers a tenth of
 * their time to write and DuckDB-wasm 1.7 s to read; as Arrow, 0.8 s.
 */
import type { Report } from '../../../pipelines/schema/index.ts';
import { REPORT_COUNTS } from '../../../pipelines/schema/index.ts';
import type { RowSink } from '../../../pipelines/stage/validateRow.ts';

const INTEGERS = ['file_idx', 'line', 'week_day', ...REPORT_COUNTS] as const;
const DOUBLES = ['submitted_ms', 'fte'] as const;
const STRINGS = ['report_id', 'unit_id', 'specialist_id'] as const;

type IntegerColumn = (typeof INTEGERS)[number];
type DoubleColumn = (typeof DOUBLES)[number];
type StringColumn = (typeof STRINGS)[number];

/** A text column as Arrow holds it: each value's bytes from offsets[i] to offsets[i + 1]. */
export interface TextColumn {
	offsets: Int32Array;
	bytes: Uint8Array;
}

export interface StagedColumns {
	length: number;
	integers: Record<IntegerColumn, Int32Array>;
	doubles: Record<DoubleColumn, Float64Array>;
	strings: Record<StringColumn, TextColumn>;
}

/** The buffers of some columns, to hand to another thread. */
export const buffersOf = (columns: StagedColumns): ArrayBuffer[] => [
	...Object.values(columns.integers).map((a) => a.buffer as ArrayBuffer),
	...Object.values(columns.doubles).map((a) => a.buffer as ArrayBuffer),
	...Object.values(columns.strings).flatMap((c) => [c.offsets.buffer as ArrayBuffer, c.bytes.buffer as ArrayBuffer]),
];

/** Each array twice as long, its values kept. */
function grown<A extends Int32Array | Float64Array | Uint8Array>(array: A, least: number): A {
	const next = new (array.constructor as new (length: number) => A)(Math.max(array.length * 2, least));
	next.set(array);
	return next;
}

/** Accepted rows gathered as columns, growing as they come. */
export class ColumnRows implements RowSink {
	length = 0;
	#capacity = 1 << 14;
	#integers = Object.fromEntries(INTEGERS.map((name) => [name, new Int32Array(this.#capacity)])) as Record<IntegerColumn, Int32Array>;
	#doubles = Object.fromEntries(DOUBLES.map((name) => [name, new Float64Array(this.#capacity)])) as Record<DoubleColumn, Float64Array>;
	#offsets = Object.fromEntries(STRINGS.map((name) => [name, new Int32Array(this.#capacity + 1)])) as Record<StringColumn, Int32Array>;
	#bytes = Object.fromEntries(STRINGS.map((name) => [name, new Uint8Array(this.#capacity * 16)])) as Record<StringColumn, Uint8Array>;
	#encoder = new TextEncoder();

	push(fileIdx: number, line: number, r: Report) {
		if (this.length === this.#capacity) this.#grow();
		const i = this.length++;
		const ints = this.#integers;
		ints.file_idx[i] = fileIdx;
		ints.line[i] = line;
		ints.week_day[i] = r.week;
		// Each count by name: a loop over REPORT_COUNTS cost Chromium's workers 0.8 s a million rows in lookups by
		// key. tests/unit/checkParts.test.ts reads each count back, so a count added to the contract is not missed.
		ints.caseload[i] = r.caseload;
		ints.caseload_young[i] = r.caseload_young;
		ints.referrals[i] = r.referrals;
		ints.waitlist[i] = r.waitlist;
		ints.enrolled[i] = r.enrolled;
		ints.wait_days[i] = r.wait_days;
		ints.employer_contacts[i] = r.employer_contacts;
		ints.job_starts[i] = r.job_starts;
		ints.employed[i] = r.employed;
		ints.education_starts[i] = r.education_starts;
		ints.in_education[i] = r.in_education;
		ints.exits[i] = r.exits;
		this.#doubles.submitted_ms[i] = r.submitted_at;
		this.#doubles.fte[i] = r.fte;
		this.#text('report_id', i, r.report_id);
		this.#text('unit_id', i, r.unit_id);
		this.#text('specialist_id', i, r.specialist_id);
	}

	#text(column: StringColumn, i: number, value: string) {
		const offsets = this.#offsets[column];
		const at = offsets[i]!;
		// At most three bytes a UTF-16 unit: room made before writing, so one write always fits.
		if (at + value.length * 3 > this.#bytes[column].length) this.#bytes[column] = grown(this.#bytes[column], at + value.length * 3);
		const bytes = this.#bytes[column];
		// Ids are nearly always ASCII, written here a byte a character: the encoder's every call
		// crosses from JavaScript into the browser, and three calls a row cost Chromium seconds.
		let end = at;
		for (let k = 0; k < value.length; k++) {
			const code = value.charCodeAt(k);
			if (code >= 0x80) {
				end = at + this.#encoder.encodeInto(value, bytes.subarray(at)).written;
				break;
			}
			bytes[end++] = code;
		}
		offsets[i + 1] = end;
	}

	#grow() {
		this.#capacity *= 2;
		for (const name of INTEGERS) this.#integers[name] = grown(this.#integers[name], this.#capacity);
		for (const name of DOUBLES) this.#doubles[name] = grown(this.#doubles[name], this.#capacity);
		for (const name of STRINGS) this.#offsets[name] = grown(this.#offsets[name], this.#capacity + 1);
	}

	/** The columns, each as long as the rows (views of the arrays gathered in, which are no longer written to). */
	columns(): StagedColumns {
		const n = this.length;
		const map = <K extends string, A extends Int32Array | Float64Array>(arrays: Record<K, A>) =>
			Object.fromEntries(Object.entries<A>(arrays).map(([name, a]) => [name, a.subarray(0, n)])) as Record<K, A>;
		return {
			length: n,
			integers: map(this.#integers),
			doubles: map(this.#doubles),
			strings: Object.fromEntries(
				STRINGS.map((name) => [name, { offsets: this.#offsets[name].subarray(0, n + 1), bytes: this.#bytes[name].subarray(0, this.#offsets[name][n]) }]),
			) as Record<StringColumn, TextColumn>,
		};
	}
}

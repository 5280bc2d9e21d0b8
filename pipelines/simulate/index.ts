/**
 * The demo data generator: a simulated national IPS landscape written in the
 * pipeline's input formats. Deterministic: the same options give the same bytes.
 * The figures are simulated; they describe no real unit, specialist or person.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readAreas } from '../reference.ts';
import { csvCell } from '../read/csv.ts';
import { REPORT_COLUMNS } from '../schema/report.ts';
import type { Rule } from '../schema/rules.ts';
import { daysFromCivil, formatDate, formatIsoWeek, mondayOf } from '../schema/time.ts';
import { simulateActivity, seasonFactor, type Tally, type WeeklyReport } from './activity.ts';
import { makeFault, type ReportRow } from './faults.ts';
import { simulateLandscape, type SimUnit } from './landscape.ts';
import { Random } from './random.ts';

export interface SimulateOptions {
	seed: number;
	/** First and last month, YYYY-MM. */
	from: string;
	to: string;
	scale: number;
	/** Multiplies the number of units (a national rollout); 1 when absent. */
	unitsScale?: number;
	out: string;
	referenceDir: string;
	faults: boolean;
}

export interface SimulateResult {
	/** The simulated units, with what the files do not show (team size, referral pressure). */
	units: SimUnit[];
	reports: number;
	files: number;
	faults: number;
	tally: Tally;
}

const DAY_MS = 86_400_000;
type Dialect = 'comma' | 'semicolon' | 'jsonl';
const DIALECTS: Dialect[] = ['comma', 'semicolon', 'jsonl'];

/** Share of weekly reports never filed (more in the holidays). */
const MISSING = { holiday: 0.08, other: 0.02 };
const LATE = 0.05;
const CORRECTED = 0.02;
const DELIVERED_TWICE = 0.004;
const FAULT_SHARE = 0.004;

const monthDay = (month: string, last = false) => {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return last ? daysFromCivil(y, m + 1, 1) - 1 : daysFromCivil(y, m, 1);
};

const monthKey = (ms: number) => new Date(ms).toISOString().slice(0, 7);

const stamp = (ms: number, dialect: Dialect) => {
	const iso = new Date(ms).toISOString();
	return dialect === 'semicolon' ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : `${iso.slice(0, 19)}Z`;
};

interface Bucket {
	rows: ReportRow[];
}

export function simulate(options: SimulateOptions): SimulateResult {
	const areas = readAreas(options.referenceDir);
	const start = monthDay(options.from);
	const end = monthDay(options.to, true);
	const endMs = (end + 1) * DAY_MS;
	const rng = new Random(options.seed);
	const units = simulateLandscape({ areas, start, end, rng: rng.fork(), unitsScale: options.unitsScale ?? 1 });

	const buckets = new Map<string, Bucket>();
	/** Files hold a month's deliveries: a report goes in the month it was submitted, unless delivered again later. */
	const put = (row: ReportRow, deliveredMs = row.submitted_ms) => {
		const key = monthKey(deliveredMs);
		const bucket = buckets.get(key) ?? { rows: [] };
		bucket.rows.push(row);
		buckets.set(key, bucket);
	};
	const expected: { row: ReportRow; rule: Rule }[] = [];
	let reports = 0;
	const tally: Tally = { educationStartsYoung: 0, educationStartsOlder: 0 };

	const firstMonday = mondayOf(start) + (mondayOf(start) < start ? 7 : 0);
	// The last full week: the one ending on `end` if that is a Sunday, else the one before.
	const lastMonday = mondayOf(end) + 6 === end ? mondayOf(end) : mondayOf(end) - 7;
	for (const unit of units) {
		const unitRng = rng.fork();
		let counter = 0;
		const nextId = () => `R${unit.id.slice(1)}-${(++counter).toString(36).padStart(5, '0')}`;
		simulateActivity(unit, firstMonday, lastMonday, options.scale, unitRng.fork(), (report) => {
			if (unitRng.chance(seasonFactor(report.week) < 1 ? MISSING.holiday : MISSING.other)) return;
			const delay = unitRng.chance(LATE) ? unitRng.int(14, 42) : unitRng.int(0, 4);
			const submitted = (report.week + 7 + delay) * DAY_MS + unitRng.int(7 * 60, 17 * 60) * 60_000;
			if (submitted >= endMs) return;
			const row = toRow(report, nextId(), submitted);
			put(row);
			reports++;
			if (unitRng.chance(CORRECTED)) {
				const later = submitted + unitRng.int(1, 10) * DAY_MS;
				if (later < endMs) {
					put({ ...row, report_id: nextId(), submitted_ms: later, employer_contacts: Number(row.employer_contacts) + 1 });
					reports++;
				}
			}
			if (unitRng.chance(DELIVERED_TWICE)) {
				// The same report again, in next month's delivery if there is one.
				const nextMonth = Date.UTC(new Date(submitted).getUTCFullYear(), new Date(submitted).getUTCMonth() + 1, 1);
				put({ ...row }, nextMonth < endMs ? nextMonth : submitted);
				reports++;
			}
			if (options.faults && unitRng.chance(FAULT_SHARE)) {
				const fault = makeFault(row, nextId(), unitRng);
				put(fault.row);
				reports++;
				expected.push({ row: fault.row, rule: fault.rule });
				if (fault.alsoRejectsOriginal) expected.push({ row, rule: fault.rule });
			}
		}, tally);
	}

	clearOutput(options.out);
	writeUnits(options.out, units);
	const eventFaults = writeEvents(options.out, units, options.faults, rng.fork());

	const located = new Map<ReportRow, { file: string; line: number }>();
	const months = [...buckets.keys()].sort();
	for (const month of months) {
		const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
		const dialect = DIALECTS[index % 3]!;
		const rows = buckets.get(month)!.rows.sort(
			(a, b) => a.submitted_ms - b.submitted_ms || (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0),
		);
		const file = `reports/${month.slice(0, 4)}/${month}.${dialect === 'jsonl' ? 'jsonl' : 'csv'}`;
		rows.forEach((row, i) => located.set(row, { file, line: dialect === 'jsonl' ? i + 1 : i + 2 }));
		writeReports(join(options.out, file), rows, dialect);
	}

	if (options.faults) {
		const faults = [
			...expected.map(({ row, rule }) => ({ ...located.get(row)!, rule })),
			...eventFaults,
		].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
		writeFileSync(join(options.out, 'faults.json'), `${JSON.stringify(faults, null, 1)}\n`);
	}
	return { units, reports, files: months.length, faults: expected.length + eventFaults.length, tally };
}

/** Replaces an earlier generated folder, and refuses to delete anything else. */
function clearOutput(out: string) {
	if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, 'units.csv'))) {
		throw new Error(`${out} is not empty and holds no units.csv: not deleting it. Choose an empty or generated folder for --out.`);
	}
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
}

function toRow(report: WeeklyReport, reportId: string, submittedMs: number): ReportRow {
	const { week, ...rest } = report;
	return { report_id: reportId, ...rest, week: formatIsoWeek(week), submitted_at: '', submitted_ms: submittedMs };
}

function writeReports(path: string, rows: ReportRow[], dialect: Dialect) {
	mkdirSync(dirname(path), { recursive: true });
	const value = (row: ReportRow, column: string) => {
		if (column === 'submitted_at') return row.submitted_at === '' ? stamp(row.submitted_ms, dialect) : row.submitted_at;
		return row[column]!;
	};
	let out = '';
	if (dialect === 'jsonl') {
		for (const row of rows) out += `${JSON.stringify(Object.fromEntries(REPORT_COLUMNS.map((c) => [c, value(row, c)])))}\n`;
	} else {
		const [sep, eol] = dialect === 'comma' ? [',', '\n'] : [';', '\r\n'];
		const cell = (v: string | number) => (dialect === 'semicolon' && typeof v === 'number' ? String(v).replace('.', ',') : csvCell(v));
		out = (dialect === 'semicolon' ? '\ufeff' : '') + REPORT_COLUMNS.join(sep) + eol;
		for (const row of rows) out += REPORT_COLUMNS.map((c) => cell(value(row, c) ?? "")).join(sep) + eol;
	}
	writeFileSync(path, out);
}

function writeUnits(out: string, units: SimUnit[]) {
	let text = 'unit_id,name,org_type,host,region_code\n';
	for (const u of units) text += [u.id, u.name, u.org_type, u.host, u.region_code].map(csvCell).join(',') + '\n';
	writeFileSync(join(out, 'units.csv'), text);
}

function writeEvents(out: string, units: SimUnit[], faults: boolean, rng: Random) {
	let text = 'unit_id,date,event,value\n';
	let line = 1;
	for (const u of units) {
		for (const e of u.events) {
			text += [u.id, formatDate(e.date), e.event, e.value].map(csvCell).join(',') + '\n';
			line++;
		}
	}
	const expected: { file: string; line: number; rule: Rule }[] = [];
	if (faults) {
		// A fidelity score off the scale, and a municipality code that does not exist.
		const open = units.filter((u) => u.closed === null);
		for (const [event, value, rule] of [
			['fidelity_review', '130', 'fidelity_score'],
			['serves', '9999', 'area_unknown'],
		] as const) {
			const unit = rng.pick(open);
			const date = unit.events[unit.events.length - 1]!.date + 10;
			text += [unit.id, formatDate(date), event, value].join(',') + '\n';
			expected.push({ file: 'unit_events.csv', line: ++line, rule });
		}
	}
	writeFileSync(join(out, 'unit_events.csv'), text);
	return expected;
}

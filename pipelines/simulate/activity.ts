/**
 * Weekly work in each unit, specialist by specialist: referrals join a
 * waitlist, specialists enrol people up to their caseload, participants find
 * jobs and start courses, specialists leave and are replaced after a vacancy.
 *
 * Calibration (tests/integration/simulate.test.ts checks each):
 * - teams of 1–5 specialists, mostly 2–3; fte mostly 1.0, some 0.5;
 * - specialist turnover of 25–45 % a year, counting those who leave with a
 *   closing unit (about half of all leavers), worse in small rural units,
 *   with vacant weeks before a replacement;
 * - caseloads of about 15–23 per full-time specialist, each specialist's own;
 * - the waitlist's flows add up: it grows by the referrals reported and
 *   shrinks by those enrolled and those who leave it unenrolled (they find
 *   other help or withdraw, more often the longer they wait); a referral
 *   made while nobody reports (a new unit's pent-up demand, a week with
 *   every post vacant) is reported the first week someone does;
 * - waits of a few weeks (an assessment before enrolment) that grow where
 *   referrals exceed capacity, rarely beyond a year;
 * - competitive employment of about 40–50 % of the caseload nationally,
 *   higher in good-fidelity units and lower in poor ones; education starts
 *   mostly among young adults;
 * - summer and Christmas dips.
 */
import { formatIsoWeek, weekday } from '../schema/time.ts';
import type { SimUnit } from './landscape.ts';
import type { Random } from './random.ts';

const YEAR_WEEKS = 52;

/** Yearly share of specialists who leave a running unit: small rural units lose more. Closures add as much again. */
const TURNOVER = { rural: 0.25, other: 0.13 };
/** Mean vacant weeks before a replacement starts. */
const VACANCY_WEEKS = { rural: 12, other: 7 };
/** Participants per full-time specialist: the fidelity scale's limit, and the range of specialists' own caseloads. */
const CASELOAD_PER_FTE = 20;
const CASELOAD_RANGE = [15, 23] as const;
/** Days from referral to the earliest enrolment: an assessment first. */
const ASSESSMENT_DAYS = [7, 35] as const;
/** Weekly chance that a person waiting leaves the list unenrolled, and after half a year of waiting. */
const LIST_LEAVE = 0.02;
const LIST_LEAVE_LONG = 0.12;
const MAX_INTAKE_PER_WEEK = 3;
/** Weekly chance that a participant leaves the caseload (mean stay about 14 months). */
const EXIT = 1 / 60;
const JOB_END = 0.012;
const EDUCATION_END = 0.015;
const YOUNG_SHARE = 0.32;

/** What the reports cannot show, kept for checking the calibration. */
export interface Tally {
	educationStartsYoung: number;
	educationStartsOlder: number;
}

export interface WeeklyReport {
	unit_id: string;
	specialist_id: string;
	/** Monday of the ISO week, as a day number. */
	week: number;
	fte: number;
	caseload: number;
	caseload_young: number;
	referrals: number;
	waitlist: number;
	enrolled: number;
	wait_days: number;
	employer_contacts: number;
	job_starts: number;
	employed: number;
	education_starts: number;
	in_education: number;
	exits: number;
}

interface Participant {
	young: boolean;
	employed: boolean;
	inEducation: boolean;
}

interface Specialist {
	id: string;
	fte: number;
	/** The caseload this specialist carries when full. */
	capacity: number;
	participants: Participant[];
}

/** A person on the waitlist: the day referred, and the first day they can be enrolled. */
interface Waiting {
	referred: number;
	ready: number;
}

interface Slot {
	specialist: Specialist | null;
	/** Week index from which the slot can be filled again. */
	vacantUntil: number;
}

/** Activity in July (ISO weeks 27–32) and over Christmas and New Year drops. */
export function seasonFactor(monday: number): number {
	const week = Number(formatIsoWeek(monday).slice(6));
	if (week >= 27 && week <= 32) return 0.45;
	if (week >= 52 || week <= 1) return 0.5;
	return 1;
}

const participant = (rng: Random, employed: boolean): Participant => ({ young: rng.chance(YOUNG_SHARE), employed, inEducation: false });

/** The unit's latest fidelity score at a day (75 before its first review). */
const fidelityAt = (unit: SimUnit, day: number) => {
	let score = 75;
	for (const review of unit.reviews) if (review.date <= day) score = review.score;
	return score;
};

/**
 * Simulates one unit week by week over [firstMonday, lastMonday] and hands each
 * specialist's report to `emit`. `scale` multiplies the team.
 */
export function simulateActivity(
	unit: SimUnit,
	firstMonday: number,
	lastMonday: number,
	scale: number,
	rng: Random,
	emit: (report: WeeklyReport) => void,
	tally: Tally,
) {
	let hired = 0;
	// A stable pseudonym per specialist: the unit and a running number, nothing personal.
	const newSpecialist = (): Specialist => {
		const fte = rng.weighted([1, 0.5, 0.75], (f) => (f === 1 ? 0.78 : f === 0.5 ? 0.16 : 0.06));
		return { id: `${unit.id}-S${String(++hired).padStart(3, '0')}`, fte, capacity: Math.round(rng.between(...CASELOAD_RANGE) * fte), participants: [] };
	};
	const slots: Slot[] = Array.from({ length: unit.teamSize * scale }, () => ({ specialist: newSpecialist(), vacantUntil: 0 }));
	const weeklyLeave = 1 - Math.pow(1 - (unit.rural ? TURNOVER.rural : TURNOVER.other), 1 / YEAR_WEEKS);
	const vacancy = unit.rural ? VACANCY_WEEKS.rural : VACANCY_WEEKS.other;
	const waitlist: Waiting[] = [];
	const refer = (day: number) => waitlist.push({ referred: day, ready: day + rng.int(...ASSESSMENT_DAYS) });
	/** Referrals made while nobody reports, reported the first week someone does. */
	let unreported = 0;
	let orphans: Participant[] = [];
	// Referrals to keep full caseloads, and a fifth more for those who leave the list before enrolment.
	const intake = slots.length * (CASELOAD_PER_FTE * EXIT) * 1.2;

	const open = Math.max(firstMonday, unit.opened - weekday(unit.opened));
	if (unit.opened < firstMonday) {
		// A unit running before the period starts it with a settled caseload.
		for (const slot of slots) {
			const specialist = slot.specialist!;
			const settled = Math.round(specialist.capacity * rng.between(0.7, 1));
			for (let k = 0; k < settled; k++) specialist.participants.push(participant(rng, rng.chance(0.3)));
		}
	} else {
		// A new unit meets pent-up demand: people referred while it was being set up.
		for (let k = 0; k < slots.length * 8; k++) refer(open - rng.int(1, 42));
		unreported = waitlist.length;
	}
	for (let monday = open, w = 0; monday <= lastMonday; monday += 7, w++) {
		if (unit.closed !== null && unit.closed <= monday) break;
		const season = seasonFactor(monday);
		const quality = Math.min(1, Math.max(0, (fidelityAt(unit, monday) - 60) / 60));

		for (const slot of slots) {
			if (slot.specialist && rng.chance(weeklyLeave)) {
				orphans.push(...slot.specialist.participants);
				slot.specialist = null;
				slot.vacantUntil = w + rng.geometric(1 / vacancy);
			} else if (!slot.specialist && w >= slot.vacantUntil) slot.specialist = newSpecialist();
		}
		const active = slots.flatMap((s) => (s.specialist ? [s.specialist] : []));

		// Referrals arrive whether or not anyone is there to meet them; a long
		// waitlist makes referrers hold back.
		const holdBack = 1 / (1 + waitlist.length / (10 * slots.length));
		const arriving = rng.poisson(intake * unit.pressure * season * holdBack);
		for (let i = 0; i < arriving; i++) refer(monday + rng.int(0, 6));
		// Some leave the list unenrolled, more of those who have waited long.
		for (let k = waitlist.length - 1; k >= 0; k--) {
			if (rng.chance(monday - waitlist[k]!.referred > 182 ? LIST_LEAVE_LONG : LIST_LEAVE)) waitlist.splice(k, 1);
		}
		unreported += arriving;
		if (active.length === 0) continue;
		const referrals = unreported;
		unreported = 0;

		// Participants of a specialist who left go to whoever has the most room.
		for (const participant of orphans) {
			const target = active.reduce((a, b) => (b.participants.length / b.fte < a.participants.length / a.fte ? b : a));
			target.participants.push(participant);
		}
		orphans = [];

		const share = (total: number, i: number) => Math.floor(total / active.length) + (i < total % active.length ? 1 : 0);
		active.forEach((specialist, i) => {
			let exits = 0;
			let jobStarts = 0;
			let educationStarts = 0;
			specialist.participants = specialist.participants.filter((p) => {
				if (rng.chance(EXIT)) {
					exits++;
					return false;
				}
				if (!p.employed && rng.chance((0.015 + 0.017 * quality) * season)) {
					p.employed = true;
					jobStarts++;
				} else if (p.employed && rng.chance(JOB_END)) p.employed = false;
				if (!p.inEducation && rng.chance((p.young ? 0.008 : 0.0012) * season)) {
					p.inEducation = true;
					educationStarts++;
					if (p.young) tally.educationStartsYoung++;
					else tally.educationStartsOlder++;
				} else if (p.inEducation && rng.chance(EDUCATION_END)) p.inEducation = false;
				return true;
			});

			// The first on the list whose assessment is done, as many as there is room for this week.
			const room = Math.max(0, specialist.capacity - specialist.participants.length);
			const day = monday + rng.int(0, 4);
			let enrolled = 0;
			let waitDays = 0;
			for (let k = 0; k < waitlist.length && enrolled < Math.min(room, Math.ceil(MAX_INTAKE_PER_WEEK * season)); ) {
				if (waitlist[k]!.ready > day) {
					k++;
					continue;
				}
				const [person] = waitlist.splice(k, 1);
				waitDays += day - person!.referred;
				enrolled++;
				specialist.participants.push(participant(rng, false));
			}

			const caseload = specialist.participants.length;
			emit({
				unit_id: unit.id,
				specialist_id: specialist.id,
				week: monday,
				fte: specialist.fte,
				caseload,
				caseload_young: specialist.participants.filter((p) => p.young).length,
				referrals: share(referrals, i),
				waitlist: share(waitlist.length, i),
				enrolled,
				wait_days: waitDays,
				employer_contacts: rng.poisson((1.5 + 4.5 * quality) * specialist.fte * season),
				job_starts: jobStarts,
				employed: specialist.participants.filter((p) => p.employed).length,
				education_starts: educationStarts,
				in_education: specialist.participants.filter((p) => p.inEducation).length,
				exits,
			});
		});
	}
}

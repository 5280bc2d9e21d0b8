/**
 * The national landscape: units that open over the years, serve one or more
 * municipalities, are funded as projects or permanently, are reviewed for
 * fidelity, and often close when the project money ends.
 *
 * Calibration (tests/integration/simulate.test.ts checks each for seed 1, and
 * tests/integration/calibration.test.ts the field's figures for seeds 1 to 20):
 * - most units in municipal social services, some in regional psychiatry, a few joint;
 * - at the end fewer than 30 % of municipalities are served, more in the
 *   south and in cities; rural units serve several municipalities;
 * - more than half of the units that opened at least three years before the end
 *   closed within three years (Markström et al. 2015); project-funded units close
 *   far more often than permanent ones, and with smaller teams; some move from
 *   project to permanent funding;
 * - a fidelity review within the first year, then yearly; scores 60–120 that
 *   improve with the unit's age.
 */
import type { Area } from '../schema/index.ts';
import type { Funding } from '../schema/unitEvents.ts';
import { Random } from './random.ts';

const YEAR = 365.25;

export type OrgType = 'municipal' | 'region' | 'joint';

export interface SimEvent {
	date: number;
	event: 'opened' | 'funding' | 'serves' | 'stops_serving' | 'fidelity_review' | 'closed';
	value: string;
}

export interface SimUnit {
	id: string;
	name: string;
	org_type: OrgType;
	host: string;
	region_code: string;
	home: Area;
	opened: number;
	/** Day it closed, or null if still open at the end of the period. */
	closed: number | null;
	events: SimEvent[];
	/** Fidelity reviews in date order. */
	reviews: { date: number; score: number }[];
	/** Planned team size, 1–5 (before --scale). */
	teamSize: number;
	rural: boolean;
	/** Referrals relative to what the team can take in; above 1 the waitlist grows. */
	pressure: number;
}

/** Population below which a municipality counts as rural here. */
const RURAL_POPULATION = 15_000;

const ORG_TYPES: [OrgType, number][] = [['municipal', 0.7], ['region', 0.2], ['joint', 0.1]];
const INITIAL_FUNDING: [Funding, number][] = [['project', 0.62], ['mixed', 0.18], ['permanent', 0.2]];
const TEAM_SIZES: [number, number][] = [[1, 0.12], [2, 0.38], [3, 0.32], [4, 0.12], [5, 0.06]];
/** Project money buys smaller teams. */
const PROJECT_TEAM_SIZES: [number, number][] = [[1, 0.2], [2, 0.45], [3, 0.25], [4, 0.08], [5, 0.02]];

/** Share closing within three years, by initial funding, and when. */
const EARLY_CLOSURE: Record<Funding, { share: number; from: number; to: number }> = {
	project: { share: 0.83, from: 1.0, to: 3.0 },
	mixed: { share: 0.5, from: 0.5, to: 3.0 },
	permanent: { share: 0.12, from: 0.5, to: 3.0 },
};
/** Yearly closure hazard once a unit has lived past three years. */
const LATE_HAZARD = 0.04;

/**
 * IPS <home> (region|samordningsförbund), numbered where the city already has
 * a unit of that name: IPS Malmö 2. Names and hosts are Swedish, as a Swedish
 * unit's would be: they are proper names, shown as they are in both languages.
 */
function nameOf(home: Area, org: OrgType, earlier: readonly SimUnit[]): string {
	const base = `IPS ${home.name}${org === 'region' ? ' (region)' : org === 'joint' ? ' (samordningsförbund)' : ''}`;
	const taken = new Set(earlier.map((u) => u.name));
	if (!taken.has(base)) return base;
	let i = 2;
	while (taken.has(`${base} ${i}`)) i++;
	return `${base} ${i}`;
}

/** Swedish genitive: Sundbybergs, but Borås and Lax stay as they are. */
const genitive = (name: string) => (/[sxz]$/.test(name) ? name : `${name}s`);

const weightedPick = <T>(rng: Random, options: [T, number][]) => rng.weighted(options, ([, w]) => w)[0];

const distance = (a: Area, b: Area) => Math.hypot(a.lat - b.lat, (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180));

/** Towns in the south and cities see more IPS: weight for picking a unit's home. */
const homeWeight = (area: Area) => Math.pow(area.population, 0.9) * (area.lat < 60 ? 1 : area.lat < 63 ? 0.7 : 0.5);

export interface LandscapeOptions {
	areas: readonly Area[];
	/** First and last day of the simulated period. */
	start: number;
	end: number;
	rng: Random;
	/**
	 * Multiplies the units opening (a national rollout): with more than 1,
	 * cities may hold several units of a kind. The calibration holds at 1.
	 */
	unitsScale?: number;
}

/** Population from which a municipality counts as a city, where a rollout opens several units of a kind. */
const CITY_POPULATION = 50_000;

export function simulateLandscape({ areas, start, end, rng, unitsScale = 1 }: LandscapeOptions): SimUnit[] {
	const units: SimUnit[] = [];
	const years = (end - start) / YEAR;
	// A few pioneers opened before the period; then openings grow as IPS spreads.
	const openings: number[] = [];
	for (let i = 0; i < 6 * unitsScale; i++) openings.push(start - Math.floor(rng.between(0.2, 3) * YEAR));
	for (let y = 0; y < Math.ceil(years); y++) {
		const count = rng.poisson((5.2 + 0.3 * y) * unitsScale);
		for (let i = 0; i < count; i++) {
			const day = Math.floor(start + (y + rng.next()) * YEAR);
			if (day <= end - 28) openings.push(day);
		}
	}
	openings.sort((a, b) => a - b);

	for (const opened of openings) {
		const unitRng = rng.fork();
		const unit = simulateUnit(units.length + 1, opened, end, areas, units, unitRng, unitsScale > 1);
		units.push(unit);
	}
	return units;
}

function simulateUnit(n: number, opened: number, end: number, areas: readonly Area[], earlier: SimUnit[], rng: Random, rollout: boolean): SimUnit {
	const org_type = weightedPick(rng, ORG_TYPES);
	// Avoid opening a second unit of the same kind where one is already running (in a rollout, cities take several).
	const busy = new Set(
		earlier
			.filter((u) => u.org_type === org_type && (u.closed === null || u.closed > opened))
			.flatMap((u) => u.events.filter((e) => e.event === 'serves').map((e) => e.value)),
	);
	const candidates = areas.filter((a) => !busy.has(a.code) || (rollout && a.population >= CITY_POPULATION));
	const home = rng.weighted(candidates.length ? candidates : areas, homeWeight);
	const rural = home.population < RURAL_POPULATION;
	const neighbours = areas
		.filter((a) => a.region_code === home.region_code && a.code !== home.code)
		.sort((a, b) => distance(home, a) - distance(home, b));

	const extra =
		org_type === 'joint' ? rng.int(2, 3) : org_type === 'region' ? rng.int(1, 3) : rural && rng.chance(0.75) ? rng.int(1, 2) : 0;
	const served = [home, ...neighbours.slice(0, extra)];

	const funding = weightedPick(rng, INITIAL_FUNDING);
	const events: SimEvent[] = [
		{ date: opened, event: 'opened', value: '' },
		{ date: opened, event: 'funding', value: funding },
		...served.map((a) => ({ date: opened, event: 'serves' as const, value: a.code })),
	];

	let closedOn: number;
	const early = EARLY_CLOSURE[funding];
	if (rng.chance(early.share)) closedOn = opened + Math.floor(rng.between(early.from, early.to) * YEAR);
	else {
		// Survivors: most project units become permanent; then a small yearly hazard.
		if (funding !== 'permanent' && rng.chance(funding === 'project' ? 0.7 : 0.5)) {
			events.push({ date: opened + Math.floor(rng.between(1.5, 3) * YEAR), event: 'funding', value: 'permanent' });
		}
		closedOn = opened + Math.floor(3 * YEAR + rng.geometric(1 - Math.pow(1 - LATE_HAZARD, 1 / 52)) * 7);
	}
	const closed = closedOn > end ? null : closedOn;
	const last = closed ?? end;

	// Now and then a unit takes on a neighbour later, or lets one go.
	const spare = neighbours.slice(extra);
	if (spare.length && rng.chance(0.2)) {
		const date = opened + Math.floor(rng.between(0.5, 4) * YEAR);
		if (date < last) {
			events.push({ date, event: 'serves', value: spare[0]!.code });
			if (rng.chance(0.4)) {
				const stop = date + Math.floor(rng.between(0.5, 2) * YEAR);
				if (stop < last) events.push({ date: stop, event: 'stops_serving', value: spare[0]!.code });
			}
		}
	}

	const reviews: SimUnit['reviews'] = [];
	const base = rng.normal(76, 8);
	const growth = rng.between(3, 8);
	for (let date = opened + rng.int(180, 330); date < last; date += 365 + rng.int(-30, 30)) {
		const age = (date - opened) / YEAR;
		const score = Math.round(Math.min(120, Math.max(60, base + growth * age + rng.normal(0, 3))));
		reviews.push({ date, score });
		events.push({ date, event: 'fidelity_review', value: String(score) });
	}
	if (closed !== null) events.push({ date: closed, event: 'closed', value: funding === 'project' ? 'projektmedlen upphörde' : '' });
	events.sort((a, b) => a.date - b.date || (a.event === 'opened' ? -1 : b.event === 'opened' ? 1 : 0));

	const id = `U${String(n).padStart(4, '0')}`;
	const region = home.region_name.replace(/s? län$/, '');
	const host = org_type === 'municipal' ? `${genitive(home.name)} kommun` : org_type === 'region' ? `Region ${region}, psykiatrin` : `Samordningsförbundet ${home.name}`;
	return {
		id,
		name: nameOf(home, org_type, earlier),
		org_type,
		host,
		region_code: home.region_code,
		home,
		opened,
		closed,
		events,
		reviews,
		teamSize: weightedPick(rng, funding === 'project' ? PROJECT_TEAM_SIZES : TEAM_SIZES),
		rural,
		pressure: Math.exp(rng.normal(0.15, 0.3)),
	};
}

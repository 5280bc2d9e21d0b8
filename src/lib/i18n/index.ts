/**
 * English and Swedish: every label of the interface comes from here (metric
 * names and definitions live with each metric in src/lib/metrics), and so do
 * the number and date formats of each language.
 */
export const LOCALES = ['en', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

/** The language of a page from its optional `lang` route parameter: Swedish under /sv, English at the root. */
export const localeOf = (lang: string | undefined): Locale => (lang === 'sv' ? 'sv' : 'en');

/** A text in both languages. */
export type Text = Readonly<Record<Locale, string>>;

export const messages = {
	site_name: { en: 'IPS Monitor', sv: 'IPS-monitorn' },
	site_tagline: {
		en: 'Individual Placement and Support and Supported Education in Sweden',
		sv: 'Individanpassat stöd till arbete (IPS) och utbildning (SEd) i Sverige',
	},
	skip_to_content: { en: 'Skip to content', sv: 'Hoppa till innehållet' },
	nav_overview: { en: 'Overview', sv: 'Översikt' },
	nav_methods: { en: 'Methods', sv: 'Metoder' },
	nav_label: { en: 'Main', sv: 'Huvudmeny' },
	switch_language: { en: 'På svenska', sv: 'In English' },
	overview_title: { en: 'Overview', sv: 'Översikt' },
	overview_lead: {
		en: 'Key figures for the latest full quarter, with the change from the same quarter a year earlier.',
		sv: 'Nyckeltal för det senaste hela kvartalet, med förändringen mot samma kvartal året innan.',
	},
	simulated_notice: {
		en: 'Demo data: every figure on this site is simulated and describes no real unit or person.',
		sv: 'Demodata: alla siffror på webbplatsen är simulerade och beskriver ingen verklig enhet eller person.',
	},
	filters: { en: 'Filters', sv: 'Urval' },
	filter_from: { en: 'From quarter', sv: 'Från kvartal' },
	filter_to: { en: 'To quarter', sv: 'Till kvartal' },
	filter_region: { en: 'Region', sv: 'Län' },
	filter_org: { en: 'Organisation', sv: 'Organisation' },
	filter_funding: { en: 'Funding', sv: 'Finansiering' },
	filter_unit: { en: 'Unit', sv: 'Enhet' },
	all: { en: 'All', sv: 'Alla' },
	whole_country: { en: 'Whole country', sv: 'Hela landet' },
	reset_filters: { en: 'Reset filters', sv: 'Återställ urval' },
	org_municipal: { en: 'Municipal social services', sv: 'Kommunal socialtjänst' },
	org_region: { en: 'Regional psychiatry', sv: 'Regional psykiatri' },
	org_joint: { en: 'Joint body', sv: 'Samverkansorgan' },
	funding_permanent: { en: 'Permanent', sv: 'Permanent' },
	funding_project: { en: 'Project', sv: 'Projekt' },
	funding_mixed: { en: 'Mixed', sv: 'Blandad' },
	invalid_filters: {
		en: 'Some filters in the link were not valid and were reset:',
		sv: 'Några urval i länken var ogiltiga och har återställts:',
	},
	latest_quarter: { en: 'Latest full quarter', sv: 'Senaste hela kvartalet' },
	change_year: { en: 'vs a year earlier', sv: 'mot året innan' },
	no_change: { en: 'no earlier figure', sv: 'ingen jämförelse' },
	percentage_points: { en: 'percentage points', sv: 'procentenheter' },
	pp: { en: 'pp', sv: 'p.e.' },
	missing: { en: 'No data', sv: 'Uppgift saknas' },
	loading: { en: 'Loading…', sv: 'Laddar…' },
	empty: { en: 'No data for this selection.', sv: 'Inga uppgifter för det här urvalet.' },
	error: { en: 'The figures could not be computed.', sv: 'Siffrorna kunde inte beräknas.' },
	data_error: {
		en: 'The published data could not be loaded',
		sv: 'De publicerade uppgifterna kunde inte laddas',
	},
	data_error_hint: {
		en: 'Run “npm run data” to rebuild the files in static/data, then reload.',
		sv: 'Kör ”npm run data” för att bygga om filerna i static/data och ladda om sidan.',
	},
	period: { en: 'Period', sv: 'Period' },
	completeness: { en: 'Reports received', sv: 'Inkomna rapporter' },
	source: { en: 'Source', sv: 'Källa' },
	source_text: {
		en: 'Weekly specialist reports and unit records, IPS Monitor',
		sv: 'Veckorapporter från specialister och enhetsuppgifter, IPS-monitorn',
	},
	show_table: { en: 'Show the figures as a table', sv: 'Visa siffrorna som tabell' },
	download: { en: 'Download', sv: 'Ladda ned' },
	download_png: { en: 'PNG image', sv: 'PNG-bild' },
	download_svg: { en: 'SVG image', sv: 'SVG-bild' },
	download_csv: { en: 'CSV data', sv: 'CSV-data' },
	quarter: { en: 'Quarter', sv: 'Kvartal' },
	value: { en: 'Value', sv: 'Värde' },
	numerator: { en: 'Numerator', sv: 'Täljare' },
	denominator: { en: 'Denominator', sv: 'Nämnare' },
	chart_summary: {
		en: '{label}, {from} to {to}: from {first} to {last}.',
		sv: '{label}, {from} till {to}: från {first} till {last}.',
	},
	coverage_title: { en: 'Coverage by municipality', sv: 'Täckning per kommun' },
	coverage_lead: {
		en: 'Where IPS is offered on the last day of the chosen quarter, and region by region what share of municipalities and inhabitants is served.',
		sv: 'Var IPS erbjuds den sista dagen i det valda kvartalet, och län för län hur stor andel av kommunerna och invånarna som nås.',
	},
	coverage_figures: { en: 'Coverage', sv: 'Täckning' },
	map_title: { en: 'Units serving each municipality', sv: 'Enheter som når varje kommun' },
	map_definition: {
		en: 'Open units that serve the municipality on the last day of {quarter}.',
		sv: 'Öppna enheter som når kommunen den sista dagen av {quarter}.',
	},
	map_summary: {
		en: 'Map of {total} municipalities, {quarter}: {served} served by at least one unit, {unserved} not served.',
		sv: 'Karta över {total} kommuner, {quarter}: {served} nås av minst en enhet, {unserved} nås inte.',
	},
	map_none: { en: 'Not served', sv: 'Nås inte' },
	map_one: { en: '1 unit', sv: '1 enhet' },
	map_two: { en: '2 units', sv: '2 enheter' },
	map_more: { en: '3 units or more', sv: '3 enheter eller fler' },
	map_missing: { en: 'No data', sv: 'Uppgift saknas' },
	map_boundaries: { en: 'Boundaries', sv: 'Gränser' },
	map_tiles: {
		en: 'Each square is a municipality, placed near its true position (no boundaries are published for this country).',
		sv: 'Varje ruta är en kommun, placerad nära sitt rätta läge (inga gränser är publicerade för landet).',
	},
	map_keys: {
		en: 'Tab to the map, then use the arrow keys to move between municipalities.',
		sv: 'Tabba till kartan och flytta sedan mellan kommunerna med piltangenterna.',
	},
	municipality_search: { en: 'Find a municipality', sv: 'Sök kommun' },
	municipality_not_found: { en: 'No municipality of the selection has that name.', sv: 'Ingen kommun i urvalet har det namnet.' },
	municipality_details: {
		en: '{name} ({region}): {population} inhabitants, {units}.',
		sv: '{name} ({region}): {population} invånare, {units}.',
	},
	municipality_units: { en: 'served by {count}: {names}', sv: 'nås av {count}: {names}' },
	municipality_unserved: { en: 'not served by any open unit', sv: 'nås inte av någon öppen enhet' },
	units_count: { en: '{count} units', sv: '{count} enheter' },
	unit_count_one: { en: '1 unit', sv: '1 enhet' },
	col_code: { en: 'Code', sv: 'Kod' },
	col_municipality: { en: 'Municipality', sv: 'Kommun' },
	col_region: { en: 'Region', sv: 'Län' },
	col_population: { en: 'Inhabitants', sv: 'Invånare' },
	col_units_serving: { en: 'Units serving', sv: 'Enheter' },
	regions_title: { en: 'Coverage by region', sv: 'Täckning per län' },
	regions_definition: {
		en: 'Municipalities and inhabitants served on the last day of {quarter}, units open, and specialist FTE in an average reported week (each unit in its own region), with the change from a year earlier.',
		sv: 'Kommuner och invånare som nås den sista dagen av {quarter}, öppna enheter och specialisternas heltider en genomsnittlig rapporterad vecka (varje enhet i sitt eget län), med förändringen mot året innan.',
	},
	regions_choose: { en: 'Show {region} only', sv: 'Visa bara {region}' },
	regions_sort: { en: 'Sort by {column}', sv: 'Sortera efter {column}' },
	col_municipalities_served: { en: 'Municipalities served', sv: 'Kommuner som nås' },
	col_population_served: { en: 'Inhabitants served', sv: 'Invånare som nås' },
	col_units_open: { en: 'Units open', sv: 'Öppna enheter' },
	col_fte: { en: 'Specialist FTE', sv: 'Heltider' },
	col_fte_per_10k: { en: 'FTE per 10,000', sv: 'Heltider per 10 000' },
	of: { en: 'of', sv: 'av' },
	fte_title: { en: 'Specialists per 10,000 inhabitants, by region', sv: 'Specialister per 10 000 invånare, per län' },
	fte_summary: { en: 'Bars for {count} regions, {quarter}; highest {top} ({value}).', sv: 'Staplar för {count} län, {quarter}; högst {top} ({value}).' },
	trend_title: { en: 'Share served, by region', sv: 'Andel som nås, per län' },
	trend_definition: {
		en: 'Share of municipalities and of inhabitants served on the last day of each quarter; {highlight} in colour, the other regions in grey.',
		sv: 'Andel av kommunerna och av invånarna som nås den sista dagen av varje kvartal; {highlight} i färg, övriga län i grått.',
	},
	trend_summary: {
		en: '{highlight}, {from} to {to}: municipalities served from {first} to {last}; inhabitants served from {firstPopulation} to {lastPopulation}.',
		sv: '{highlight}, {from} till {to}: kommuner som nås från {first} till {last}; invånare som nås från {firstPopulation} till {lastPopulation}.',
	},
	share_municipalities: { en: 'Municipalities served', sv: 'Kommuner som nås' },
	share_population: { en: 'Inhabitants served', sv: 'Invånare som nås' },
	waitlists_title: { en: 'Waitlists', sv: 'Väntelistor' },
	waitlists_lead: {
		en: 'How many referred people wait to be met, against the specialists there are, whether units keep up with referrals, and where waitlists grow.',
		sv: 'Hur många remitterade som väntar på att träffas, i förhållande till antalet specialister, om enheterna hinner med remisserna och var väntelistorna växer.',
	},
	flow_title: { en: 'Referrals and enrolments', sv: 'Remisser och inskrivningar' },
	flow_definition: {
		en: 'New referrals received and people met for the first time, per quarter: where referrals run above enrolments, the waitlist grows.',
		sv: 'Nya remisser och personer som träffats för första gången, per kvartal: där remisserna överstiger inskrivningarna växer väntelistan.',
	},
	flow_summary: {
		en: 'Referrals and enrolments, {from} to {to}: in {to}, {referrals} referrals and {enrolled} enrolments.',
		sv: 'Remisser och inskrivningar, {from} till {to}: under {to} {referrals} remisser och {enrolled} inskrivningar.',
	},
	region_waitlist_title: { en: 'People waiting per specialist FTE, by region', sv: 'Väntande per heltid, per län' },
	region_waitlist_definition: {
		en: 'Each region’s own units: people waiting per specialist FTE in an average reported week; the whole country in grey.',
		sv: 'Länets egna enheter: väntande per specialistheltid en genomsnittlig rapporterad vecka; hela landet i grått.',
	},
	region_waitlist_summary: {
		en: 'People waiting per specialist FTE in {count} regions, {quarter}: highest {top} ({value}), lowest {bottom} ({lowest}).',
		sv: 'Väntande per heltid i {count} län, {quarter}: högst {top} ({value}), lägst {bottom} ({lowest}).',
	},
	growth_title: { en: 'Units whose waitlist grew most', sv: 'Enheter vars väntelista växte mest' },
	growth_definition: {
		en: 'People waiting in an average reported week of {quarter} against {earlier}, with each unit’s capacity: specialist FTE, and caseload per FTE against the fidelity limit of 20.',
		sv: 'Väntande en genomsnittlig rapporterad vecka under {quarter} jämfört med {earlier}, med varje enhets kapacitet: specialistheltider och inskrivna per heltid mot metodtrohetens gräns på 20.',
	},
	growth_none: { en: 'No unit reported a waitlist in both quarters.', sv: 'Ingen enhet rapporterade en väntelista båda kvartalen.' },
	col_rank: { en: 'Rank', sv: 'Plats' },
	col_unit: { en: 'Unit', sv: 'Enhet' },
	col_waiting_before: { en: 'Waiting a year earlier', sv: 'Väntande året innan' },
	col_waiting: { en: 'Waiting now', sv: 'Väntande nu' },
	col_growth: { en: 'Change', sv: 'Förändring' },
	col_caseload_per_fte: { en: 'Caseload per FTE', sv: 'Inskrivna per heltid' },
	over_limit: { en: 'above the fidelity limit of 20', sv: 'över metodtrohetens gräns på 20' },
	outcomes_title: { en: 'Outcomes', sv: 'Resultat' },
	outcomes_lead: {
		en: 'What IPS achieves: competitive employment against the field’s benchmarks, job starts, education and young adults, and fidelity against outcomes.',
		sv: 'Vad IPS uppnår: arbete på den öppna marknaden mot fältets riktmärken, påbörjade anställningar, utbildning och unga vuxna, samt metodtrohet mot resultat.',
	},
	split_label: { en: 'Show', sv: 'Visa' },
	split_all: { en: 'The selection as a whole', sv: 'Urvalet som helhet' },
	split_region: { en: 'By region', sv: 'Per län' },
	split_org: { en: 'By organisation', sv: 'Per organisation' },
	group_all: { en: 'Selection', sv: 'Urvalet' },
	col_group: { en: 'Group', sv: 'Grupp' },
	split_summary: {
		en: '{label}, {quarter}: {values}.',
		sv: '{label}, {quarter}: {values}.',
	},
	benchmarks_note: { en: 'Benchmarks', sv: 'Riktmärken' },
	fidelity_title: { en: 'Fidelity and employment', sv: 'Metodtrohet och arbete' },
	fidelity_definition: {
		en: 'Each fidelity review (IPS-25 total) against the unit’s employment rate over the four quarters after the review’s quarter.',
		sv: 'Varje granskning av metodtrohet (IPS-25, total) mot enhetens andel i arbete under de fyra kvartalen efter granskningens kvartal.',
	},
	fidelity_fit: {
		en: 'Fitted line (least squares): r = {r} over {n} reviews. Studies report r ≈ 0.3.',
		sv: 'Anpassad linje (minsta kvadrat): r = {r} över {n} granskningar. Studier rapporterar r ≈ 0,3.',
	},
	fidelity_too_few: { en: 'Too few reviews to fit a line.', sv: 'För få granskningar för att anpassa en linje.' },
	fidelity_summary: {
		en: '{n} fidelity reviews against the employment rate that followed; r = {r}.',
		sv: '{n} granskningar av metodtrohet mot andelen i arbete som följde; r = {r}.',
	},
	level_not_ips: { en: 'not IPS', sv: 'inte IPS' },
	level_fair: { en: 'fair', sv: 'godtagbar' },
	level_good: { en: 'good', sv: 'god' },
	level_exemplary: { en: 'exemplary', sv: 'utmärkt' },
	col_reviewed_on: { en: 'Reviewed', sv: 'Granskad' },
	col_score: { en: 'IPS-25 score', sv: 'IPS-25-poäng' },
	col_level: { en: 'Level', sv: 'Nivå' },
	col_rate_after: { en: 'Employed in the next four quarters', sv: 'I arbete de fyra följande kvartalen' },
	methods_title: { en: 'Methods and definitions', sv: 'Metoder och definitioner' },
	methods_lead: {
		en: 'How each figure is defined and computed. The same SQL runs in the browser and in the tests.',
		sv: 'Hur varje mått definieras och beräknas. Samma SQL körs i webbläsaren och i testerna.',
	},
	methods_shared: { en: 'What every measure shares', sv: 'Det som alla mått delar' },
	methods_shared_text: {
		en: 'Each measure is a formula over a row of facts. The facts are computed once per statement at a grain (per quarter, per region and quarter, or per municipality and quarter) from the shared predicates below: when a unit is open, when a municipality is served, which quarter a week belongs to, and which units the filters choose.',
		sv: 'Varje mått är en formel över en rad fakta. Fakta beräknas en gång per fråga på en nivå (per kvartal, per län och kvartal eller per kommun och kvartal) ur de gemensamma villkoren nedan: när en enhet är öppen, när en kommun får insatser, vilket kvartal en vecka hör till och vilka enheter urvalet väljer.',
	},
	methods_again: { en: 'Also shown here, as described above', sv: 'Visas också här, enligt beskrivningen ovan' },
	methods_predicates: { en: 'Shared predicates (DuckDB macros)', sv: 'Gemensamma villkor (DuckDB-makron)' },
	methods_facts: { en: 'Facts at the grain', sv: 'Fakta på nivån' },
	metric_unit: { en: 'Unit', sv: 'Enhet' },
	metric_reference: { en: 'Reference values', sv: 'Referensvärden' },
	metric_formula: { en: 'Computed as', sv: 'Beräknas som' },
	metric_formula_note: {
		en: 'over the facts described above, at any grain',
		sv: 'över de fakta som beskrivs ovan, på valfri nivå',
	},
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof messages;

export function t(locale: Locale, key: MessageKey, values: Record<string, string> = {}): string {
	return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Numbers in the locale's own style (a space for thousands and a decimal comma in Swedish). */
export function formatNumber(locale: Locale, value: number | null | undefined, digits = 0, style: 'decimal' | 'percent' = 'decimal'): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const key = `${locale}|${digits}|${style}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
		numberFormats.set(key, format);
	}
	return format.format(value);
}

/** A quarter as people write it: 2024 Q3 (English), 2024 kv. 3 (Swedish). */
export function formatQuarter(locale: Locale, quarterStart: string): string {
	const [year, month] = quarterStart.split('-').map(Number) as [number, number];
	const q = Math.floor((month - 1) / 3) + 1;
	return locale === 'sv' ? `${year} kv. ${q}` : `${year} Q${q}`;
}

/** The path of a page in a language: English at the root, Swedish under /sv. */
export const localePath = (locale: Locale, path: string) => (locale === 'sv' ? `/sv${path === '/' ? '' : path}` : path);

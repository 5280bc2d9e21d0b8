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
	filters_chosen: { en: 'Filters ({n} chosen)', sv: 'Urval ({n} valda)' },
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
	profile_public: {
		en: 'Public statistics: a count of fewer than {min} people, and any figure from which one could be worked out, is withheld and shown as “:”.',
		sv: 'Offentlig statistik: ett antal under {min} personer, och varje uppgift som ett sådant antal kan räknas fram ur, är undertryckt och visas som ”:”.',
	},
	methods_publication: { en: 'Publication and small-cell suppression', sv: 'Publicering och undertryckning av små tal' },
	methods_publication_internal: {
		en: 'This site shows the internal profile: every unit’s weekly figures, for a network’s own use. A public site is built from the public profile (npm run data -- --profile public, npm run build:public), which publishes no unit × week row and no spell.',
		sv: 'Den här webbplatsen visar den interna profilen: varje enhets veckouppgifter, för nätverkets eget bruk. En offentlig webbplats byggs från den offentliga profilen (npm run data -- --profile public, npm run build:public), som inte publicerar några rader per enhet och vecka och inga anställningsperioder.',
	},
	methods_publication_public: {
		en: 'This site shows the public profile, threshold {min}. It publishes aggregates only: per quarter, every unit and every cell of region × organisation type × funding with all margins; per year, the staffing figures by the same cells and team size; the stability counts per quarter; tenure curves for the nation and regions without counts. Every count of people from 1 to {below} (caseload, employed, in education, waiting, enrolled, referrals, job and education starts, specialists, leavers, in post) is withheld (primary suppression). So is every figure of a cell with fewer than {min} specialists that would be theirs: their full-time equivalents and the weeks they reported (where a unit has one specialist, its FTE is that person’s working time); days waited wherever the number enrolled is withheld, and the vacancy signal wherever the headcount is. Then, as statistical offices do (Hundepool et al., Statistical Disclosure Control, 2012, ch. 4; τ-ARGUS; Statistics Norway’s GaussSuppression), further cells are withheld until every withheld value is protected: an attacker who knows everything published, every sum that ties the cells (a cell and its parts along each dimension, a cell and its units), that counts are whole and not negative, and the rules of the input contract (young adults, the employed and those in education are at most the caseload, nobody waits where nobody enrolled, weeks reported are at most weeks open) can narrow no withheld value to an interval less wide than its protection level: {min} people for a count (people in an average week for a stock), one full-time post for FTE, {days} days for days waited, four unit-weeks for weeks reported. Each interval is found by linear programming (HiGHS): the least and the greatest value of any table that fits all of that. A value that a rule ties to a published 0 (days waited where nobody enrolled) is known either way and is never withheld to hide another. Withholding more prefers a unit to a region and a region to the nation. A test attacks the published files apart from the pipeline, with linear programs over all of each period’s figures together, and finds no withheld value narrower than its level. Tenure curves are rounded to whole per cent, end where fewer than {min} specialists remain at risk and carry no confidence band: from a step of a curve and its band one can work out how many were at risk and how many left. A withheld value is shown as “:” (Statistics Norway’s sign), never as 0; a rate over a withheld count is withheld; a four-quarter window with a withheld quarter is withheld, never the sum of the rest.',
		sv: 'Den här webbplatsen visar den offentliga profilen, gräns {min}. Den publicerar bara aggregat: per kvartal varje enhet och varje cell av region × organisationsform × finansiering med alla marginaler; per år personaluppgifterna för samma celler och teamstorlek; stabilitetsantalen per kvartal; kurvor för tid i tjänst för landet och regionerna utan antal. Varje antal personer från 1 till {below} (inskrivna, i arbete, i utbildning, väntande, nyinskrivna, remisser, påbörjade arbeten och utbildningar, specialister, avgångar, i tjänst) undertrycks (primär undertryckning). Det gör också varje uppgift för en cell med färre än {min} specialister som vore deras: heltidsekvivalenterna och veckorna de rapporterade (där en enhet har en specialist är dess heltidsekvivalent den personens arbetstid); väntedagar där antalet nyinskrivna undertrycks, och vakanssignalen där antalet specialister gör det. Sedan undertrycks, som statistikmyndigheter gör (Hundepool m.fl., Statistical Disclosure Control, 2012, kap. 4; τ-ARGUS; SSB:s GaussSuppression), fler celler tills varje undertryckt värde är skyddat: den som vet allt som publiceras, varje summa som binder cellerna (en cell och dess delar längs varje dimension, en cell och dess enheter), att antal är heltal och inte negativa, och indatakontraktets regler (unga vuxna, de i arbete och de i utbildning är högst antalet inskrivna, ingen väntar där ingen skrevs in, rapporterade veckor är högst öppna veckor) kan inte snäva in något undertryckt värde till ett intervall smalare än dess skyddsnivå: {min} personer för ett antal (personer en genomsnittlig vecka för ett bestånd), en heltidstjänst för heltidsekvivalenter, {days} dagar för väntedagar, fyra enhetsveckor för rapporterade veckor. Varje intervall tas fram med linjärprogrammering (HiGHS): det minsta och det största värdet i någon tabell som stämmer med allt detta. Ett värde som en regel binder till en publicerad nolla (väntedagar där ingen skrevs in) är känt ändå och undertrycks aldrig för att dölja ett annat. När fler celler måste undertryckas väljs hellre en enhet än en region och hellre en region än landet. Ett test angriper de publicerade filerna fristående från flödet, med linjärprogram över varje periods alla uppgifter tillsammans, och hittar inget undertryckt värde smalare än dess nivå. Kurvorna för tid i tjänst avrundas till hela procent, slutar där färre än {min} specialister återstår och saknar konfidensband: ur ett steg på en kurva och dess band kan man räkna ut hur många som var i tjänst och hur många som slutade. Ett undertryckt värde visas som ”:” (SSB:s tecken), aldrig som 0; en andel över ett undertryckt antal undertrycks; ett fönster på fyra kvartal med ett undertryckt kvartal undertrycks, aldrig som summan av resten.',
	},
	col_table: { en: 'Table', sv: 'Tabell' },
	col_cells: { en: 'Counts of people', sv: 'Antal personer' },
	col_primary: { en: 'Withheld as small', sv: 'Undertryckta som små' },
	col_secondary: { en: 'Withheld to protect them', sv: 'Undertryckta för att skydda dem' },
	methods_publication_shares: { en: 'Cells withheld in this build, per table', sv: 'Undertryckta celler i den här publiceringen, per tabell' },
	profile_internal: {
		en: 'Internal statistics: unit figures for the network’s own use, not for publication.',
		sv: 'Intern statistik: enheternas uppgifter för nätverkets eget bruk, inte för publicering.',
	},
	suppressed_note: {
		en: ': withheld ({n}): fewer than {min} people, or a figure from which such a count could be worked out. Never zero.',
		sv: ': undertryckt ({n}): färre än {min} personer, eller en uppgift som ett sådant antal kan räknas fram ur. Aldrig noll.',
	},
	all_withheld: {
		en: '{label}: every quarter shown is withheld (:).',
		sv: '{label}: varje kvartal som visas är undertryckt (:).',
	},
	units_withheld: {
		en: '{n} units left out: a figure they would be ranked on is withheld (:).',
		sv: '{n} enheter är utelämnade: en uppgift som de skulle rangordnas efter är undertryckt (:).',
	},
	funnel_withheld: {
		en: '{n} units left out: a count their rate rests on is withheld (:).',
		sv: '{n} enheter är utelämnade: ett antal som deras andel vilar på är undertryckt (:).',
	},
	funnel_network_line: {
		en: 'The line is the network’s own rate, {rate}, from its published totals with every unit included; the spread (φ, τ) is estimated from the units shown.',
		sv: 'Linjen är nätverkets egen andel, {rate}, från dess publicerade summor med alla enheter; spridningen (φ, τ) skattas från de enheter som visas.',
	},
	funnel_network_withheld: {
		en: 'No funnel: the network’s rate is withheld (:), and a line drawn from the units that are not would be a wrong number.',
		sv: 'Inget trattdiagram: nätverkets andel är undertryckt (:), och en linje från de enheter som inte är det vore ett felaktigt tal.',
	},
	fidelity_withheld: {
		en: '{n} reviews left out: the unit’s employment in the year after is withheld (:).',
		sv: '{n} bedömningar är utelämnade: enhetens sysselsättning året efter är undertryckt (:).',
	},
	tenure_scope_region: {
		en: 'Public statistics show tenure for the whole region chosen: organisation type, funding and unit do not split it.',
		sv: 'Offentlig statistik visar tid i tjänst för hela den valda regionen: organisationsform, finansiering och enhet delar inte upp den.',
	},
	tenure_scope_nation: {
		en: 'Public statistics show tenure for the whole country: organisation type, funding and unit do not split it.',
		sv: 'Offentlig statistik visar tid i tjänst för hela landet: organisationsform, finansiering och enhet delar inte upp den.',
	},
	tenure_withheld: {
		en: 'Tenure is withheld: the region has fewer than {min} spells.',
		sv: 'Tid i tjänst är undertryckt: regionen har färre än {min} anställningsperioder.',
	},
	turnover_unit_withheld: {
		en: 'Turnover per unit is shown only where its headcount and leavers are not withheld; the unit’s network (its region) is drawn beside it.',
		sv: 'Personalomsättning per enhet visas bara där antal anställda och avgångar inte är undertryckta; enhetens nätverk (dess region) visas bredvid.',
	},
	tenure_counts_public: {
		en: 'Public statistics publish the curve read every quarter-year (91 days), without numbers at risk, leaving or censored: a count from one quarter to the next would name the specialists who joined or left.',
		sv: 'Offentlig statistik publicerar kurvan avläst varje kvartal (91 dagar), utan antal i risk, avgångar eller censurerade: ett antal från ett kvartal till nästa skulle peka ut de specialister som började eller slutade.',
	},
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
	growth_none: { en: 'No unit’s waitlist grew.', sv: 'Ingen enhets väntelista växte.' },
	growth_definition: {
		en: 'People waiting in an average reported week of {quarter} against {earlier}, with each unit’s capacity: specialist FTE, and caseload per FTE against the fidelity limit of 20.',
		sv: 'Väntande en genomsnittlig rapporterad vecka under {quarter} jämfört med {earlier}, med varje enhets kapacitet: specialistheltider och inskrivna per heltid mot metodtrohetens gräns på 20.',
	},
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
	staffing_title: { en: 'Staffing', sv: 'Bemanning' },
	staffing_lead: {
		en: 'Specialists leave, and every leaver takes knowledge and relationships with them: annual turnover against the reference figures, how long specialists stay, and where posts stand empty.',
		sv: 'Specialister slutar, och var och en tar med sig kunskap och kontakter: personalomsättning per år mot referensvärdena, hur länge specialisterna stannar och var tjänster står tomma.',
	},
	turnover_title: { en: 'Annual specialist turnover', sv: 'Personalomsättning per år' },
	turnover_definition: {
		en: 'Specialists who left during the year (a spell in a unit that ended) divided by the mean number reporting in the year’s weeks: the NHS leaver rate. Calendar years wholly inside the data.',
		sv: 'Specialister som slutade under året (en period i en enhet som tog slut) delat med det genomsnittliga antalet som rapporterade under årets veckor: NHS-måttet för avgångar. Kalenderår som helt ligger inom uppgifterna.',
	},
	turnover_org_title: { en: 'Turnover by organisation', sv: 'Personalomsättning per organisation' },
	turnover_team_title: { en: 'Turnover by team size', sv: 'Personalomsättning per teamstorlek' },
	turnover_team_definition: {
		en: 'A unit’s team size in a year is its mean number of specialists reporting, rounded: 1, 2–3 or 4 and more.',
		sv: 'En enhets teamstorlek ett år är dess genomsnittliga antal rapporterande specialister, avrundat: 1, 2–3 eller 4 och fler.',
	},
	fte_no_units: { en: 'no units', sv: 'inga enheter' },
	fte_closed_within: { en: 'from a unit that closed during the quarter', sv: 'från en enhet som lades ned under kvartalet' },
	turnover_basis: { en: '{leavers} leavers / {headcount} mean headcount', sv: '{leavers} slutade / {headcount} i genomsnittlig bemanning' },
	turnover_summary: { en: 'Turnover, {from} to {to}: {values}.', sv: 'Personalomsättning, {from} till {to}: {values}.' },
	reference_norway_ips: { en: 'IPS, N. Norway', sv: 'IPS, Nordnorge' },
	reference_norway_public: { en: 'public jobs', sv: 'offentliga jobb' },
	references_note: {
		en: 'Reference lines: 45 % among IPS employment specialists and 27 % in other public jobs in Northern Norway.',
		sv: 'Referenslinjer: 45 % bland IPS-specialister och 27 % i andra offentliga tjänster i Nordnorge.',
	},
	team_1: { en: '1 specialist', sv: '1 specialist' },
	'team_2-3': { en: '2–3 specialists', sv: '2–3 specialister' },
	'team_4+': { en: '4 or more', sv: '4 eller fler' },
	col_year: { en: 'Year', sv: 'År' },
	col_date: { en: 'Date', sv: 'Datum' },
	col_leavers: { en: 'Leavers', sv: 'Avgångar' },
	col_mean_headcount: { en: 'Mean headcount', sv: 'Genomsnittligt antal' },
	col_turnover: { en: 'Turnover', sv: 'Omsättning' },
	tenure_title: { en: 'How long specialists stay', sv: 'Hur länge specialisterna stannar' },
	tenure_definition: {
		en: 'Kaplan–Meier estimate of the share of specialists still in post, by time since their first week in the unit; a spell that has not ended is censored. Shaded: 95 % confidence band.',
		sv: 'Kaplan–Meier-skattning av andelen specialister som är kvar, efter tid sedan första veckan i enheten; en period som inte har tagit slut är censurerad. Skuggat: 95 % konfidensband.',
	},
	tenure_median: {
		en: 'Median tenure: {median} (95 % CI {lower} to {upper}), over {n} spells.',
		sv: 'Mediantid: {median} (95 % KI {lower} till {upper}), över {n} perioder.',
	},
	tenure_median_public: {
		en: 'Median tenure: {median}, read from the curve every quarter of a year. A public curve is rounded to whole per cent, ends where fewer than {min} specialists remain and has no confidence band: with its band a curve gives back how many were at risk and how many left.',
		sv: 'Mediantid: {median}, avläst på kurvan varje kvartal. En offentlig kurva avrundas till hela procent, slutar där färre än {min} specialister återstår och saknar konfidensband: med bandet ger en kurva tillbaka hur många som var i tjänst och hur många som slutade.',
	},
	stability_withheld: {
		en: 'Stability index: : (withheld; a unit’s own figure is not published, nor a count of fewer than {min} specialists).',
		sv: 'Stabilitetsindex: : (undertryckt; en enhets egen uppgift publiceras inte, inte heller ett antal under {min} specialister).',
	},
	stability: {
		en: 'Stability index: {share} of the {n} specialists in post in the week of {from} were still in post in the week of {to}.',
		sv: 'Stabilitetsindex: {share} av de {n} specialister som var i tjänst veckan {from} var kvar veckan {to}.',
	},
	not_reached: { en: 'not reached', sv: 'nås inte' },
	years_unit: { en: '{value} years', sv: '{value} år' },
	time_years: { en: 'Years', sv: 'År' },
	vacancy_title: { en: 'Vacancy signal', sv: 'Vakanssignal' },
	vacancy_definition: {
		en: 'Unit-weeks per year in which a unit had fewer specialists reporting than the most it had in the 8 weeks before.',
		sv: 'Enhetsveckor per år då en enhet hade färre rapporterande specialister än som mest under de 8 veckorna innan.',
	},
	vacancy_summary: { en: 'Vacancy signals, {from} to {to}: {values}.', sv: 'Vakanssignaler, {from} till {to}: {values}.' },
	col_vacancy_weeks: { en: 'Unit-weeks with a vacancy signal', sv: 'Enhetsveckor med vakanssignal' },
	col_unit_weeks: { en: 'Unit-weeks reported', sv: 'Rapporterade enhetsveckor' },
	col_time_days: { en: 'Days', sv: 'Dagar' },
	col_at_risk: { en: 'At risk', sv: 'I risk' },
	col_events: { en: 'Events', sv: 'Händelser' },
	col_censored: { en: 'Censored', sv: 'Censurerade' },
	col_survival: { en: 'Share remaining', sv: 'Andel kvar' },
	col_lower: { en: 'Lower 95 %', sv: 'Nedre 95 %' },
	col_upper: { en: 'Upper 95 %', sv: 'Övre 95 %' },
	col_stratum: { en: 'Group', sv: 'Grupp' },
	survival_title: { en: 'Unit survival', sv: 'Enheternas överlevnad' },
	survival_lead: {
		en: 'Do units last, or close when the project money ends? The share of units still open by time since opening, and how many closed within three years.',
		sv: 'Består enheterna, eller läggs de ned när projektpengarna tar slut? Andelen enheter som fortfarande är öppna efter tid sedan start, och hur många som lades ned inom tre år.',
	},
	survival_chart_title: { en: 'Units still open, by years since opening', sv: 'Enheter som fortfarande är öppna, efter år sedan start' },
	survival_definition: {
		en: 'Kaplan–Meier estimate; closing is the event, an open unit is censored on the day after the data end, and a unit opened before the data begin enters on their first day. Shaded: 95 % log-log confidence band. The period filters do not apply.',
		sv: 'Kaplan–Meier-skattning; nedläggning är händelsen, en öppen enhet censureras dagen efter uppgifternas slut, och en enhet som startade före uppgifternas början räknas från deras första dag. Skuggat: 95 % konfidensband (log-log). Periodurvalet gäller inte här.',
	},
	survival_by: { en: 'Compare', sv: 'Jämför' },
	by_none: { en: 'All units together', sv: 'Alla enheter tillsammans' },
	by_funding: { en: 'By funding at opening', sv: 'Per finansiering vid start' },
	by_org: { en: 'By organisation', sv: 'Per organisation' },
	stratum_all: { en: 'All units', sv: 'Alla enheter' },
	log_rank: {
		en: 'Log-rank test: χ² = {chi2} on {df} degrees of freedom, p = {p}.',
		sv: 'Log-rank-test: χ² = {chi2} med {df} frihetsgrader, p = {p}.',
	},
	survival_summary: { en: 'Units still open: {values}.', sv: 'Enheter som fortfarande är öppna: {values}.' },
	survival_stratum_summary: { en: '{stratum} {share} after 3 years, median {median}', sv: '{stratum} {share} efter 3 år, median {median}' },
	at_risk_title: { en: 'Units at risk', sv: 'Enheter i risk' },
	closed3_title: { en: 'Closed within three years', sv: 'Nedlagda inom tre år' },
	closed3_definition: {
		en: 'Of the units opened at least three years before the data end, those that closed within three years of opening.',
		sv: 'Av de enheter som startade minst tre år före uppgifternas slut, de som lades ned inom tre år från start.',
	},
	col_units: { en: 'Units', sv: 'Enheter' },
	col_opened_3y: { en: 'Opened 3+ years before the end', sv: 'Startade 3+ år före slutet' },
	col_closed3: { en: 'Closed within 3 years', sv: 'Nedlagda inom 3 år' },
	col_median: { en: 'Median (95 % CI)', sv: 'Median (95 % KI)' },
	unobserved_note: {
		en: 'Left out of the curve, having closed before the data begin: {n}.',
		sv: 'Utanför kurvan, eftersom de lades ned före uppgifternas början: {n}.',
	},
	sites_title: { en: 'Compare sites', sv: 'Jämför enheter' },
	sites_lead: {
		en: 'Each unit against its network: a funnel plot sets a unit’s rate against its size, so that a small unit is not singled out for noise. Units outside the 99.8 % limits are named.',
		sv: 'Varje enhet mot sitt nätverk: ett trattdiagram ställer enhetens andel mot dess storlek, så att en liten enhet inte pekas ut för slumpens skull. Enheter utanför 99,8 %-gränserna namnges.',
	},
	sites_network: {
		en: 'Network: the units of the selection, {first} to {last} (the four quarters up to the chosen end).',
		sv: 'Nätverk: urvalets enheter, {first} till {last} (de fyra kvartalen fram till valt slut).',
	},
	sites_od: { en: 'Allow for overdispersion (recommended)', sv: 'Ta hänsyn till överspridning (rekommenderas)' },
	funnel_employment_title: { en: 'In competitive employment, by unit size', sv: 'I arbete på öppna marknaden, efter enhetens storlek' },
	funnel_education_title: { en: 'In education, by unit size', sv: 'I utbildning, efter enhetens storlek' },
	funnel_completeness_title: { en: 'Reports received, by expected reports', sv: 'Inkomna rapporter, efter förväntade rapporter' },
	funnel_employment_definition: {
		en: 'Each dot is a unit: its mean weekly number employed as a share of its mean weekly caseload, over its reported weeks in the four quarters. Line: the network’s rate; dashed: 95 % limits; solid: 99.8 % limits.',
		sv: 'Varje punkt är en enhet: dess genomsnittliga antal i arbete per vecka som andel av dess genomsnittliga antal inskrivna per vecka, över rapporterade veckor under de fyra kvartalen. Linje: nätverkets andel; streckat: 95 %-gränser; heldraget: 99,8 %-gränser.',
	},
	funnel_education_definition: {
		en: 'Each dot is a unit: its mean weekly number in education as a share of its mean weekly caseload, over its reported weeks in the four quarters. Line: the network’s rate; dashed: 95 % limits; solid: 99.8 % limits.',
		sv: 'Varje punkt är en enhet: dess genomsnittliga antal i utbildning per vecka som andel av dess genomsnittliga antal inskrivna per vecka, över rapporterade veckor under de fyra kvartalen. Linje: nätverkets andel; streckat: 95 %-gränser; heldraget: 99,8 %-gränser.',
	},
	funnel_completeness_definition: {
		en: 'Each dot is a unit: weeks with a report as a share of the weeks it was open in the four quarters. Line: the network’s rate; dashed: 95 % limits; solid: 99.8 % limits.',
		sv: 'Varje punkt är en enhet: veckor med rapport som andel av de veckor den var öppen under de fyra kvartalen. Linje: nätverkets andel; streckat: 95 %-gränser; heldraget: 99,8 %-gränser.',
	},
	funnel_size_caseload: { en: 'Mean weekly caseload', sv: 'Genomsnittligt antal inskrivna per vecka' },
	funnel_size_weeks: { en: 'Unit-weeks open', sv: 'Öppna enhetsveckor' },
	funnel_summary: {
		en: '{units} units; network rate {target}. Above the 99.8 % limits: {above}. Below: {below}.',
		sv: '{units} enheter; nätverkets andel {target}. Över 99,8 %-gränserna: {above}. Under: {below}.',
	},
	funnel_none: { en: 'none', sv: 'ingen' },
	funnel_method_on: {
		en: 'Limits allow for overdispersion: φ = {phi}, τ = {tau} (FunnelPlotR’s method, 10 % winsorised).',
		sv: 'Gränserna tar hänsyn till överspridning: φ = {phi}, τ = {tau} (FunnelPlotR:s metod, 10 % winsoriserat).',
	},
	funnel_method_off: {
		en: 'Limits without overdispersion adjustment (φ = {phi}; τ would be {tau}).',
		sv: 'Gränser utan justering för överspridning (φ = {phi}; τ skulle vara {tau}).',
	},
	funnel_left_out: { en: 'Units without reports or caseload in the window, left out: {n}.', sv: 'Enheter utan rapporter eller inskrivna under perioden, utelämnade: {n}.' },
	col_z: { en: 'z-score', sv: 'z-värde' },
	col_flag: { en: 'Against the limits', sv: 'Mot gränserna' },
	col_size: { en: 'Size (n)', sv: 'Storlek (n)' },
	col_rate: { en: 'Rate', sv: 'Andel' },
	flag_above: { en: 'above', sv: 'över' },
	flag_below: { en: 'below', sv: 'under' },
	flag_within: { en: 'within', sv: 'inom' },
	sort_by: { en: 'Sort by {column}', sv: 'Sortera efter {column}' },
	table_show_all: { en: 'Show all {count} units', sv: 'Visa alla {count} enheter' },
	table_show_first: { en: 'Show the first {count} only', sv: 'Visa bara de {count} första' },
	unit_lead: {
		en: '{org}, hosted by {host}, in {region}. Opened {opened}{closed}. Its trends against its network (the units of its region) and the whole country, over the whole history.',
		sv: '{org}, med {host} som huvudman, i {region}. Startade {opened}{closed}. Enhetens utveckling mot dess nätverk (enheterna i länet) och hela landet, över hela perioden.',
	},
	unit_closed: { en: '; closed {closed}', sv: '; lades ned {closed}' },
	/** Beside a closed unit's name wherever units are listed. */
	closed_mark: { en: 'closed {date}', sv: 'nedlagd {date}' },
	unit_network: { en: '{region} (network)', sv: '{region} (nätverk)' },
	unit_key_title: { en: 'The last four quarters', sv: 'De fyra senaste kvartalen' },
	unit_key_caption: {
		en: '{first} – {last}: the unit, and the median and range of the network’s {units} units.',
		sv: '{first} – {last}: enheten, och median och spridning för nätverkets {units} enheter.',
	},
	col_measure: { en: 'Measure', sv: 'Mått' },
	col_this_unit: { en: 'This unit', sv: 'Enheten' },
	col_network_median: { en: 'Network median', sv: 'Nätverkets median' },
	col_network_range: { en: 'Network range', sv: 'Nätverkets spridning' },
	col_from: { en: 'From', sv: 'Från' },
	col_to: { en: 'To', sv: 'Till' },
	col_funding: { en: 'Funding', sv: 'Finansiering' },
	still_running: { en: 'still', sv: 'pågår' },
	unit_funding_title: { en: 'Funding', sv: 'Finansiering' },
	unit_funding_definition: {
		en: 'How the unit was funded, from its event log; an arrow marks funding that still runs.',
		sv: 'Hur enheten finansierats, enligt dess händelselogg; en pil markerar finansiering som pågår.',
	},
	unit_areas_title: { en: 'Municipalities served', sv: 'Kommuner som enheten når' },
	unit_areas_definition: {
		en: 'The municipalities the unit served and when; an arrow marks those it still serves.',
		sv: 'De kommuner enheten har nått och när; en pil markerar dem den fortfarande når.',
	},
	unit_fidelity_title: { en: 'Fidelity reviews', sv: 'Granskningar av metodtrohet' },
	unit_fidelity_definition: {
		en: 'IPS-25 total score at each review, against the scale’s levels: exemplary 115–125, good 100–114, fair 74–99, not IPS 73 or below.',
		sv: 'Total poäng enligt IPS-25 vid varje granskning, mot skalans nivåer: utmärkt 115–125, god 100–114, godtagbar 74–99, inte IPS 73 eller lägre.',
	},
	unit_turnover_title: { en: 'Specialist turnover per year', sv: 'Personalomsättning per år' },
	unit_turnover_definition: {
		en: 'Leavers during the year divided by the mean number of specialists reporting (full calendar years only); the unit, its network and the whole country.',
		sv: 'Avgångar under året delat med genomsnittligt antal rapporterande specialister (bara hela kalenderår); enheten, dess nätverk och hela landet.',
	},
	unit_compared_definition: {
		en: '{definition} Per quarter, the unit against its network (the units of its region) and the whole country.',
		sv: '{definition} Per kvartal, enheten mot dess nätverk (enheterna i länet) och hela landet.',
	},
	unit_compared_summary: {
		en: 'Latest quarter with a value, {quarter}: this unit {unit}, network {network}, whole country {nation}.',
		sv: 'Senaste kvartal med värde, {quarter}: enheten {unit}, nätverket {network}, hela landet {nation}.',
	},
	unit_spine_title: { en: 'The unit among its network’s units', sv: 'Enheten bland nätverkets enheter' },
	unit_spine_definition: {
		en: 'The last four quarters. Each row spans the network’s units from the worst to the best value, so that better is always to the right; the darker part holds the middle half, the line is the median and the dot this unit.',
		sv: 'De fyra senaste kvartalen. Varje rad spänner över nätverkets enheter från sämsta till bästa värde, så att bättre alltid är till höger; den mörkare delen rymmer mittenhälften, strecket är medianen och punkten enheten.',
	},
	spine_worse: { en: 'worse', sv: 'sämre' },
	spine_better: { en: 'better', sv: 'bättre' },
	spine_summary: { en: 'This unit against the network’s range: {values}.', sv: 'Enheten mot nätverkets spridning: {values}.' },
	spine_range_withheld: {
		en: 'The network’s median and range are withheld (:) where a unit of it has the value withheld: the spread of the units left would be a wrong number.',
		sv: 'Nätverkets median och spridning är undertryckta (:) där en av dess enheter har värdet undertryckt: spridningen för de enheter som är kvar vore ett felaktigt tal.',
	},
	spine_value: { en: '{measure} {value} (network {min}–{max}, median {median})', sv: '{measure} {value} (nätverket {min}–{max}, median {median})' },
	timeline_summary: { en: '{values}.', sv: '{values}.' },
	pack_title: { en: 'Budget pack', sv: 'Budgetunderlag' },
	pack_lead: {
		en: 'For a budget meeting: the unit’s charts on one printable page, as slides, or every chart as PNG, SVG and CSV.',
		sv: 'Till ett budgetmöte: enhetens diagram på en utskrivbar sida, som bilder, eller varje diagram som PNG, SVG och CSV.',
	},
	notices_label: { en: 'About these figures', sv: 'Om uppgifterna' },
	pack_pdf: { en: 'One-page PDF', sv: 'PDF på en sida' },
	pack_pptx: { en: 'Slides (PowerPoint)', sv: 'Bilder (PowerPoint)' },
	pack_zip: { en: 'All charts (ZIP)', sv: 'Alla diagram (ZIP)' },
	// Each download's status in its own words: a noun's number and form differ (the slides are, bilderna är klara).
	pack_working_pdf: { en: 'Preparing the one-page PDF…', sv: 'Förbereder PDF:en på en sida…' },
	pack_working_pptx: { en: 'Preparing the slides…', sv: 'Förbereder bilderna…' },
	pack_working_zip: { en: 'Preparing the ZIP of all charts…', sv: 'Förbereder alla diagram (ZIP)…' },
	pack_done_pdf: { en: 'The one-page PDF is ready.', sv: 'PDF:en på en sida är klar.' },
	pack_done_pptx: { en: 'The slides are ready.', sv: 'Bilderna är klara.' },
	pack_done_zip: { en: 'The ZIP of all charts is ready.', sv: 'Alla diagram (ZIP) är klara.' },
	pack_failed_pdf: {
		en: 'The one-page PDF could not be made. Try again, or download the charts one by one.',
		sv: 'PDF:en på en sida kunde inte skapas. Försök igen, eller ladda ned diagrammen ett i taget.',
	},
	pack_failed_pptx: {
		en: 'The slides could not be made. Try again, or download the charts one by one.',
		sv: 'Bilderna kunde inte skapas. Försök igen, eller ladda ned diagrammen ett i taget.',
	},
	pack_failed_zip: {
		en: 'The ZIP of all charts could not be made. Try again, or download the charts one by one.',
		sv: 'Alla diagram (ZIP) kunde inte skapas. Försök igen, eller ladda ned diagrammen ett i taget.',
	},
	pack_generated: { en: 'Made {date} from IPS Monitor', sv: 'Skapad {date} ur IPS Monitor' },
	col_unit_link: { en: 'Unit page', sv: 'Enhetens sida' },
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
	method_how: { en: 'Method', sv: 'Metod' },
	method_sql: { en: 'The rows it is computed from (SQL)', sv: 'Raderna den beräknas ur (SQL)' },
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

/** A time in days as years, one decimal; a time never reached (a median the curve does not reach) says so. */
export function formatYears(locale: Locale, days: number | null): string {
	return days === null ? t(locale, 'not_reached') : t(locale, 'years_unit', { value: formatNumber(locale, days / 365.25, 1) });
}

/** A quarter as people write it: 2024 Q3 (English), 2024 kv. 3 (Swedish). */
export function formatQuarter(locale: Locale, quarterStart: string): string {
	const [year, month] = quarterStart.split('-').map(Number) as [number, number];
	const q = Math.floor((month - 1) / 3) + 1;
	return locale === 'sv' ? `${year} kv. ${q}` : `${year} Q${q}`;
}

/** The path of a page in a language: English at the root, Swedish under /sv. */
export const localePath = (locale: Locale, path: string) => (locale === 'sv' ? `/sv${path === '/' ? '' : path}` : path);

/**
 * The sign of a withheld value on a public build (SSB's): in tables, CSVs,
 * key figures and charts alike, never a zero or a blank.
 */
export const SUPPRESSED = ':';

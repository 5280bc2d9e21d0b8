/**
 * English and Swedish: every label of the interface comes from here (metric
 * names and definitions live with each metric in src/lib/metrics), and so do
 * the number and date formats of each language.
 */
export const LOCALES = ['en', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

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
	methods_title: { en: 'Methods and definitions', sv: 'Metoder och definitioner' },
	methods_lead: {
		en: 'How each figure is defined and computed. The same SQL runs in the browser and in the tests.',
		sv: 'Hur varje mått definieras och beräknas. Samma SQL körs i webbläsaren och i testerna.',
	},
	metric_unit: { en: 'Unit', sv: 'Enhet' },
	metric_reference: { en: 'Reference values', sv: 'Referensvärden' },
	metric_sql: { en: 'SQL', sv: 'SQL' },
	metric_formula: { en: 'Computed as', sv: 'Beräknas som' },
	metric_formula_note: {
		en: 'from one row of facts per quarter, defined in the SQL below',
		sv: 'ur en rad fakta per kvartal, definierad i SQL-koden nedan',
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

/**
 * The route registry: every page of the site, in the order of the
 * navigation. It drives the navigation, the prerendered pages
 * (svelte.config.js) and the Methods page (each view's measures). Start here
 * to find a view: its page is src/routes/[[lang=lang]]/<path>/+page.svelte,
 * its queries src/lib/views/<id>.ts, its measures src/lib/metrics.
 * Plain JavaScript, because svelte.config.js reads it before TypeScript is set up.
 */

/**
 * @typedef {object} Route
 * @property {string} id
 * @property {string} path the English path; Swedish is the same under /sv
 * @property {{ en: string; sv: string }} label in the navigation
 * @property {string[]} measures the registry ids of the measures it shows, for the Methods page
 * @property {string[]} [methods] its statistics that are not formulas over facts (src/lib/metrics/methods.ts)
 * @property {true} [text] a page of text, without a view (every other route's view is src/lib/views/<id>.ts, exporting <id>)
 */

/** @type {readonly Route[]} */
export const ROUTES = [
	{
		id: 'overview',
		path: '/',
		label: { en: 'Overview', sv: 'Översikt' },
		measures: ['units_open', 'municipalities_served', 'population_served', 'fte_per_10k', 'people_waiting', 'mean_wait', 'employment_rate', 'report_completeness'],
	},
	{
		id: 'coverage',
		path: '/coverage',
		label: { en: 'Coverage', sv: 'Täckning' },
		measures: ['units_open', 'municipalities_served', 'population_served', 'fte_per_10k'],
	},
	{
		id: 'waitlists',
		path: '/waitlists',
		label: { en: 'Waitlists', sv: 'Väntelistor' },
		measures: ['people_waiting', 'waitlist_per_fte', 'referrals', 'enrolments', 'mean_wait', 'caseload_per_fte'],
	},
	{
		id: 'outcomes',
		path: '/outcomes',
		label: { en: 'Outcomes', sv: 'Resultat' },
		measures: ['employment_rate', 'job_starts_per_fte', 'education_starts', 'education_rate', 'young_share'],
	},
	{ id: 'staffing', path: '/staffing', label: { en: 'Staffing', sv: 'Bemanning' }, measures: [], methods: ['turnover', 'tenure', 'stability', 'vacancy'] },
	{ id: 'survival', path: '/survival', label: { en: 'Survival', sv: 'Överlevnad' }, measures: [], methods: ['unit_survival', 'log_rank', 'closed_within_3'] },
	{
		id: 'sites',
		path: '/sites',
		label: { en: 'Compare sites', sv: 'Jämför enheter' },
		measures: ['employment_rate', 'education_rate', 'report_completeness'],
		methods: ['funnel'],
	},
	{ id: 'check', path: '/check', label: { en: 'Check your files', sv: 'Kontrollera filer' }, measures: [], text: true },
	{ id: 'methods', path: '/methods', label: { en: 'Methods', sv: 'Metoder' }, measures: [], text: true },
];

/**
 * Every page in both languages, for the prerenderer.
 * @type {`/${string}`[]}
 */
export const PRERENDER_ENTRIES = ROUTES.flatMap((route) => [/** @type {`/${string}`} */ (route.path), route.path === '/' ? '/sv' : /** @type {`/${string}`} */ (`/sv${route.path}`)]);

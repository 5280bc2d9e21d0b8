/**
 * The statistics that are not formulas over facts: how staffing, unit
 * survival and site comparison are computed, which method each follows and why, with the SQL
 * that selects their rows. The Methods page lists them under their view.
 */
import type { Text } from '$lib/i18n';
import { PUBLIC_STABILITY_SQL, PUBLIC_TENURE_SQL, PUBLIC_TURNOVER_SQL, PUBLIC_VACANCY_SQL, SPELLS_SQL, STABILITY_SQL, TURNOVER_SQL, VACANCY_SQL } from './staffing';
import { UNITS_SQL } from './survival';
import { PUBLIC_WINDOW_SQL, WINDOW_SQL } from './funnel';

export interface MethodNote {
	id: string;
	label: Text;
	definition: Text;
	/** Which method, and why this one. */
	method: Text;
	references: string[];
	sql: string;
	/** The SQL on a public build, where it reads the public marts (pipelines/public.ts) instead. */
	publicSql?: string;
}

export const METHOD_NOTES: readonly MethodNote[] = [
	{
		id: 'turnover',
		label: { en: 'Annual specialist turnover', sv: 'Personalomsättning per år' },
		definition: {
			en: 'Leavers during a calendar year divided by the mean headcount of the year. A leaver is a specialist’s spell in a unit that ended with its last week in the year (a spell ends after nine weeks without a report, or when the unit closes); the mean headcount is the mean, over the weeks whose Monday falls in the year, of the specialists reporting. Only years wholly inside the data are shown. By team size, a unit’s year counts under its mean reported headcount, rounded (1, 2–3, 4+).',
			sv: 'Avgångar under ett kalenderår delat med årets genomsnittliga antal anställda. En avgång är en specialists period i en enhet som slutade med sista veckan under året (en period slutar efter nio veckor utan rapport, eller när enheten läggs ned); genomsnittet tas över veckorna vars måndag infaller under året, av antalet rapporterande specialister. Bara år som helt ligger inom uppgifterna visas. Per teamstorlek räknas en enhets år efter dess genomsnittliga antal, avrundat (1, 2–3, 4+).',
		},
		method: {
			en: 'The NHS leaver rate and the CIPD crude wastage index use leavers over average headcount, which compares across years and with the published figures for Northern Norway (45 % among IPS specialists, 27 % in other public jobs).',
			sv: 'NHS-måttet för avgångar och CIPD:s grova avgångsindex använder avgångar genom genomsnittligt antal, vilket går att jämföra mellan år och med de publicerade siffrorna för Nordnorge (45 % bland IPS-specialister, 27 % i andra offentliga tjänster).',
		},
		references: ['NHS Digital, NHS Workforce Statistics: leaver rates', 'CIPD, Employee turnover and retention'],
		sql: TURNOVER_SQL,
		publicSql: PUBLIC_TURNOVER_SQL,
	},
	{
		id: 'tenure',
		label: { en: 'Tenure (Kaplan–Meier)', sv: 'Tid i tjänst (Kaplan–Meier)' },
		definition: {
			en: 'The share of specialists still in post by time since the first week of their spell: a spell that ended is an event, one still running at the end of the chosen period is censored there. The median tenure is where the curve reaches one half, its interval where the confidence band does.',
			sv: 'Andelen specialister som är kvar efter tid sedan periodens första vecka: en period som tog slut är en händelse, en som pågår vid valt slut censureras där. Mediantiden är där kurvan når hälften, dess intervall där konfidensbandet gör det.',
		},
		method: {
			en: 'Kaplan–Meier with Greenwood’s variance and 95 % bands on the log-log scale, as R’s survival (conf.type = "log-log") and lifelines; checked against the published 6-MP table of Freireich et al. (1963).',
			sv: 'Kaplan–Meier med Greenwoods varians och 95 % band på log-log-skalan, som R:s survival (conf.type = "log-log") och lifelines; kontrollerat mot den publicerade 6-MP-tabellen från Freireich m.fl. (1963).',
		},
		references: ['Kaplan & Meier 1958', 'Greenwood 1926', 'Kalbfleisch & Prentice 2002 (log-log bands)'],
		sql: SPELLS_SQL,
		publicSql: PUBLIC_TENURE_SQL,
	},
	{
		id: 'stability',
		label: { en: 'Stability index', sv: 'Stabilitetsindex' },
		definition: {
			en: 'Of the specialists in post in the week a year before the last reported week of the chosen period, the share still in post in that last week.',
			sv: 'Av de specialister som var i tjänst veckan ett år före den sista rapporterade veckan i vald period, andelen som var kvar den sista veckan.',
		},
		method: { en: 'The stability index of workforce planning: it shows how much of last year’s team is still there, which turnover alone does not.', sv: 'Stabilitetsindex inom personalplanering: det visar hur mycket av förra årets team som finns kvar, vilket omsättningen ensam inte gör.' },
		references: ['CIPD, Employee turnover and retention'],
		sql: STABILITY_SQL,
		publicSql: PUBLIC_STABILITY_SQL,
	},
	{
		id: 'vacancy',
		label: { en: 'Vacancy signal', sv: 'Vakanssignal' },
		definition: {
			en: 'Unit-weeks in which a unit had fewer specialists reporting than the most it had in the 8 weeks before.',
			sv: 'Enhetsveckor då en enhet hade färre rapporterande specialister än som mest under de 8 veckorna innan.',
		},
		method: { en: 'A signal, not a count of posts: the reports do not say how many posts a unit has, only who reported.', sv: 'En signal, inte ett antal tjänster: rapporterna säger inte hur många tjänster en enhet har, bara vilka som rapporterade.' },
		references: [],
		sql: VACANCY_SQL,
		publicSql: PUBLIC_VACANCY_SQL,
	},
	{
		id: 'unit_survival',
		label: { en: 'Unit survival (Kaplan–Meier)', sv: 'Enheternas överlevnad (Kaplan–Meier)' },
		definition: {
			en: 'Time from a unit’s opening to its closing. An open unit is censored on the day after the data end (the Monday of the last reported week + 7 days). A unit opened before the data begin enters the risk set on their first day (left truncation); one that closed before then is never at risk and is left out. At a tie, closings count before censorings.',
			sv: 'Tid från en enhets start till nedläggning. En öppen enhet censureras dagen efter uppgifternas slut (måndagen i sista rapporterade veckan + 7 dagar). En enhet som startade före uppgifternas början kommer in i riskmängden deras första dag (vänstertrunkering); en som lades ned före dess är aldrig i risk och tas bort. Vid lika tider räknas nedläggningar före censureringar.',
		},
		method: {
			en: 'Kaplan–Meier with delayed entry as lifelines (entry) and R (Surv(start, stop, event)); Greenwood’s variance, 95 % log-log bands, and a number-at-risk table at whole years.',
			sv: 'Kaplan–Meier med fördröjt inträde som lifelines (entry) och R (Surv(start, stop, event)); Greenwoods varians, 95 % log-log-band och en tabell över antal i risk vid hela år.',
		},
		references: ['Kaplan & Meier 1958', 'Klein & Moeschberger 2003 (left truncation)'],
		sql: UNITS_SQL,
	},
	{
		id: 'log_rank',
		label: { en: 'Log-rank test', sv: 'Log-rank-test' },
		definition: {
			en: 'Whether the strata (funding at opening, or organisation type) share one survival curve: observed against expected closings at every closing time, χ² on the number of strata with units less one.',
			sv: 'Om grupperna (finansiering vid start, eller organisation) har samma överlevnadskurva: observerade mot förväntade nedläggningar vid varje nedläggningstid, χ² med antalet grupper med enheter minus en frihetsgrader.',
		},
		method: { en: 'The Mantel–Haenszel log-rank test, as R’s survdiff; checked against the published χ² of 16.79 for 6-MP against placebo.', sv: 'Mantel–Haenszels log-rank-test, som R:s survdiff; kontrollerat mot den publicerade χ² på 16,79 för 6-MP mot placebo.' },
		references: ['Mantel 1966', 'Peto & Peto 1972'],
		sql: UNITS_SQL,
	},
	{
		id: 'closed_within_3',
		label: { en: 'Closed within three years', sv: 'Nedlagda inom tre år' },
		definition: {
			en: 'Of the units opened at least three years before the data end, the share that closed within three years of opening.',
			sv: 'Av de enheter som startade minst tre år före uppgifternas slut, andelen som lades ned inom tre år från start.',
		},
		method: { en: 'The measure Markström et al. (2015) report for Swedish IPS units: more than half closed within three years.', sv: 'Det mått som Markström m.fl. (2015) redovisar för svenska IPS-enheter: mer än hälften lades ned inom tre år.' },
		references: ['Markström et al. 2015'],
		sql: UNITS_SQL,
	},
	{
		id: 'funnel',
		label: { en: 'Funnel plots of units against their network', sv: 'Trattdiagram över enheter mot deras nätverk' },
		definition: {
			en: 'Over the four quarters up to the chosen end, each unit of the selection is a point: its rate against its size. For employment and education the size is the unit’s mean weekly caseload over its reported weeks and the count its mean weekly number employed or in education, since participant-weeks are not independent trials and would make the limits far too narrow; for reports received, the unit-weeks it was open and those reported. The target is the network’s pooled rate, Σr/Σn. A unit outside the 99.8 % limits is flagged above or below; its z-score is (Y − θ)/√(s² + τ²).',
			sv: 'Under de fyra kvartalen fram till valt slut är varje enhet i urvalet en punkt: dess andel mot dess storlek. För arbete och utbildning är storleken enhetens genomsnittliga antal inskrivna per vecka under rapporterade veckor och antalet dess genomsnittliga antal i arbete eller utbildning per vecka, eftersom deltagarveckor inte är oberoende försök och skulle göra gränserna alldeles för snäva; för inkomna rapporter de enhetsveckor den var öppen och de som rapporterades. Målet är nätverkets sammanvägda andel, Σr/Σn. En enhet utanför 99,8 %-gränserna markeras som över eller under; dess z-värde är (Y − θ)/√(s² + τ²).',
		},
		method: {
			en: 'Spiegelhalter’s funnel plot for proportions, computed as FunnelPlotR (NHS-R Community): arcsine square-root transform Y = asin(√(r/n)) with s = 1/(2√n); z-scores winsorised at their 10th and 90th percentiles (R’s type 7); overdispersion φ = mean z²; between-unit variance τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)), w = 1/s² (DerSimonian–Laird); limits sin²(θ ± z·√(s² + τ²)) at z = 1.959964 and 3.090232, clipped to [0, 1]. Units differ by more than chance alone (case mix, local labour markets), so without the adjustment most large units would be flagged; ?od=off shows the unadjusted limits.',
			sv: 'Spiegelhalters trattdiagram för andelar, beräknat som FunnelPlotR (NHS-R Community): arcussinus-rottransform Y = asin(√(r/n)) med s = 1/(2√n); z-värden winsoriserade vid 10:e och 90:e percentilen (R:s typ 7); överspridning φ = medelvärdet av z²; varians mellan enheter τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)), w = 1/s² (DerSimonian–Laird); gränser sin²(θ ± z·√(s² + τ²)) vid z = 1,959964 och 3,090232, begränsade till [0, 1]. Enheter skiljer sig mer än slumpen förklarar (deltagare, lokala arbetsmarknader), så utan justering skulle de flesta stora enheter markeras; ?od=off visar ojusterade gränser.',
		},
		references: [
			'Spiegelhalter DJ. Funnel plots for comparing institutional performance. Stat Med 2005;24:1185–1202',
			'Spiegelhalter DJ. Handling over-dispersion of performance indicators. Qual Saf Health Care 2005;14:347–351',
			'FunnelPlotR (NHS-R Community), R/od_adjustment.R and R/calculate_limits.R',
		],
		sql: WINDOW_SQL,
		publicSql: PUBLIC_WINDOW_SQL,
	},
];

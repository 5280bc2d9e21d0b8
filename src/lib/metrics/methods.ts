/**
 * The statistics that are not formulas over facts: how staffing and unit
 * survival are computed, which method each follows and why, with the SQL
 * that selects their rows. The Methods page lists them under their view.
 */
import type { Text } from '$lib/i18n';
import { SPELLS_SQL, STABILITY_SQL, TURNOVER_SQL, VACANCY_SQL } from '$lib/views/staffing';
import { UNITS_SQL } from '$lib/views/survival';

export interface MethodNote {
	id: string;
	label: Text;
	definition: Text;
	/** Which method, and why this one. */
	method: Text;
	references: string[];
	sql: string;
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
];

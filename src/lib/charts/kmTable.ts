/** The table and CSV of a Kaplan–Meier curve: stratum,time_days,at_risk,events,censored,survival,lower,upper. */
import { t, type Locale } from '$lib/i18n';
import { formatNumber } from '$lib/format';
import type { KaplanMeierRow } from '$lib/stats/survival';
import type { Column } from './Chart.svelte';

/** The counts are missing where a curve is published without them (a public build's tenure). */
type Counts = { atRisk: number | null; events: number | null; censored: number | null };
export type StratumRow = Omit<KaplanMeierRow, keyof Counts> & Counts & { stratum: string };

export function kmColumns(locale: Locale, stratumName: (stratum: string) => string = (s) => s): Column<StratumRow>[] {
	const share = (v: number | null) => (v === null ? t(locale, 'missing') : formatNumber(locale, v, 4));
	return [
		{ key: 'stratum', label: t(locale, 'col_stratum'), value: (r) => r.stratum, format: (r) => stratumName(r.stratum) },
		{ key: 'time_days', label: t(locale, 'col_time_days'), value: (r) => r.time },
		{ key: 'at_risk', label: t(locale, 'col_at_risk'), value: (r) => r.atRisk },
		{ key: 'events', label: t(locale, 'col_events'), value: (r) => r.events },
		{ key: 'censored', label: t(locale, 'col_censored'), value: (r) => r.censored },
		{ key: 'survival', label: t(locale, 'col_survival'), value: (r) => r.survival, format: (r) => share(r.survival) },
		{ key: 'lower', label: t(locale, 'col_lower'), value: (r) => r.lower, format: (r) => share(r.lower) },
		{ key: 'upper', label: t(locale, 'col_upper'), value: (r) => r.upper, format: (r) => share(r.upper) },
	];
}

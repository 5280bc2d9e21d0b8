import { t, type Locale } from '$lib/i18n';
import { formatNumber, formatQuarter } from '$lib/format';
import { quarterStart } from '$lib/time';
import type { Period } from './context';

/** Quarters in words: 2019 Q1 – 2024 Q2. */
export function periodText(locale: Locale, period: Period): string {
	return `${formatQuarter(locale, quarterStart(period.from))} – ${formatQuarter(locale, quarterStart(period.to))}`;
}

/**
 * Every chart's footnote: the period, the share of reports received over it
 * (left out where a view's figures do not rest on the weekly reports' counts),
 * and the source.
 */
export function footnoteText(locale: Locale, period: string, completeness?: number | null): string {
	const received = completeness === undefined ? '' : ` · ${t(locale, 'completeness')}: ${formatNumber(locale, completeness, 1, 'percent')}`;
	return `${t(locale, 'period')}: ${period}${received} · ${t(locale, 'source')}: ${t(locale, 'source_text')}`;
}

import type { Text } from '$lib/i18n';

/** A published reference value a figure can be read against. */
export interface Reference {
	value: number;
	text: Text;
	source: string;
}

/**
 * How a metric is computed: SQL expressions over a row of facts (the columns
 * of `facts` in ./facts.ts), the same at every grain.
 */
export interface MetricFormula {
	value: string;
	numerator?: string;
	denominator?: string;
}

/**
 * A metric: what it means, how it is computed from the facts, and how it is
 * shown. Where the facts come from is ./facts.ts; ./query.ts puts the two
 * together.
 */
export interface Metric {
	id: string;
	label: Text;
	definition: Text;
	unit: Text;
	/** How values are written: counts, one decimal, or a share shown as a percentage. */
	format: 'integer' | 'decimal' | 'percent';
	/** Decimals shown (default: 0 for integers, 1 otherwise). */
	digits?: number;
	/** Which way is good news, for the colour of a change. */
	better: 'higher' | 'lower';
	/** Names of numerator and denominator, for rates that show them. */
	numerator?: Text;
	denominator?: Text;
	formula: MetricFormula;
	references: Reference[];
	/** Published levels a value is read against, drawn as bands (lowest first), with their source. */
	benchmarks?: { levels: { value: number; label: Text }[]; source: string };
}

/** A metric as it is written in its file: the registry's type, checked. */
export const defineMetric = (metric: Metric): Metric => metric;

export interface MetricRow {
	/** First day of the quarter, YYYY-MM-DD. */
	quarter: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** On a public build: the value was withheld (a count of people it reads was small), not missing. */
	suppressed?: boolean;
}

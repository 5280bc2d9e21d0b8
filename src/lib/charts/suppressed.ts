/**
 * A withheld value (public build) in a drawing: a ":" at its place on the
 * axis, where a line breaks. Never a point at zero, never a bare gap.
 */
import * as Plot from '@observablehq/plot';
import { SUPPRESSED } from '$lib/format';
import { PALETTE } from './theme';

/** The channels that place a sign: its x, and where a chart has them its facets and a colour per series. */
interface Place<Row> {
	x: keyof Row & string;
	fill?: keyof Row & string;
	fx?: keyof Row & string;
	fy?: keyof Row & string;
}

export function suppressedMarks<Row>(rows: readonly Row[], place: Place<Row>, fontSize = 14) {
	return Plot.text(rows, {
		...place,
		fill: place.fill ?? PALETTE.text,
		frameAnchor: 'bottom',
		dy: -fontSize / 2,
		text: () => SUPPRESSED,
		fontSize,
		fontWeight: 'bold',
		className: 'suppressed-mark',
	});
}

/**
 * A value of a row that may be withheld, as a column gives it: the sign where
 * the row was withheld and this value is missing (a part of a withheld rate
 * that was itself published stays shown); else the value, or `write`'s text of it.
 */
export const orWithheld = (value: number | null, withheld: boolean | undefined) => (value === null && withheld ? SUPPRESSED : value);

export const writeOrWithheld = (value: number | null, withheld: boolean | undefined, write: (value: number | null) => string) =>
	value === null && withheld ? SUPPRESSED : write(value);

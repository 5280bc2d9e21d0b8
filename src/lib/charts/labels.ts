/** Words beside marks that must not overlap: a funnel's flagged units, a chart's reference lines. */

/**
 * Label positions (pixels, top down) at least `gap` apart, each as near its
 * point as that allows, within [top, bottom]: sorted, pushed down past the
 * one above, then the whole run pulled up where it ran past the bottom.
 */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
	const order = wanted.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0]);
	const placed = order.map(([y]) => Math.min(Math.max(y, top), bottom));
	for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
	for (let k = placed.length - 1; k >= 0; k--) placed[k] = Math.min(placed[k]!, k === placed.length - 1 ? bottom : placed[k + 1]! - gap);
	const out = new Array<number>(wanted.length);
	order.forEach(([, i], k) => (out[i] = placed[k]!));
	return out;
}


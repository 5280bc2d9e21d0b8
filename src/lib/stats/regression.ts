/**
 * Ordinary least squares for a line y = intercept + slope·x, and Pearson's
 * correlation coefficient r, over paired observations.
 */
export interface LinearFit {
	n: number;
	slope: number;
	intercept: number;
	/** Pearson's r. */
	r: number;
}

/** The fitted line and r; null with fewer than three points or no spread in x or y. */
export function linearFit(points: readonly { x: number; y: number }[]): LinearFit | null {
	const n = points.length;
	if (n < 3) return null;
	const meanX = points.reduce((s, p) => s + p.x, 0) / n;
	const meanY = points.reduce((s, p) => s + p.y, 0) / n;
	let sxx = 0;
	let syy = 0;
	let sxy = 0;
	for (const { x, y } of points) {
		sxx += (x - meanX) ** 2;
		syy += (y - meanY) ** 2;
		sxy += (x - meanX) * (y - meanY);
	}
	if (sxx === 0 || syy === 0) return null;
	const slope = sxy / sxx;
	return { n, slope, intercept: meanY - slope * meanX, r: sxy / Math.sqrt(sxx * syy) };
}

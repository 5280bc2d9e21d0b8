/**
 * The attack on published Kaplan–Meier curves (#20), written apart from the
 * pipeline. Between two readings of a curve a step R = S₂/S₁ and, where a
 * log-log confidence band is published, the change ΔG in Greenwood's sum
 * Σ d/(n(n − d)) read back from it give the number at risk and the number who
 * left at a single event time: n = (1 − R)/(R·ΔG) and d = n(1 − R). A step is
 * decoded when both come out whole. Without a band, R alone fixes no count
 * (d/n and 2d/2n give the same step).
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface Reading {
	time: number;
	survival: number;
	lower?: number | null;
	upper?: number | null;
}

export interface Decoded {
	time: number;
	atRisk: number;
	left: number;
}

const Z = normalQuantile(0.975, 0, 1);

/** Greenwood's sum at a reading, from its log-log band: log(−log lower) − log(−log S) = z·√G / (−log S). */
function greenwood(r: Reading): number | null {
	if (r.lower == null || r.survival <= 0 || r.survival >= 1 || r.lower <= 0 || r.lower >= 1) return r.survival === 1 ? 0 : null;
	const shift = Math.log(-Math.log(r.lower)) - Math.log(-Math.log(r.survival));
	return ((shift * -Math.log(r.survival)) / Z) ** 2;
}

/** The steps of one curve (readings in time order) whose counts come out whole. */
export function decodeCurve(readings: readonly Reading[]): Decoded[] {
	const decoded: Decoded[] = [];
	for (let i = 1; i < readings.length; i++) {
		const [a, b] = [readings[i - 1]!, readings[i]!];
		const [ga, gb] = [greenwood(a), greenwood(b)];
		if (ga === null || gb === null || a.survival <= 0) continue;
		const step = b.survival / a.survival;
		const change = gb - ga;
		if (step >= 1 || change <= 0) continue;
		const atRisk = (1 - step) / (step * change);
		const left = atRisk * (1 - step);
		const whole = (x: number) => Math.abs(x - Math.round(x)) < 1e-3 && Math.round(x) >= 1;
		if (whole(atRisk) && whole(left)) decoded.push({ time: b.time, atRisk: Math.round(atRisk), left: Math.round(left) });
	}
	return decoded;
}

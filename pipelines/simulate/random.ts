/** A small seeded random source (sfc32), so the same seed always gives the same country. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(seed: number) {
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = seed >>> 0;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** Uniform in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** A fresh, independent stream derived from this one (keeps parts of the model from disturbing each other). */
	fork(): Random {
		return new Random(Math.floor(this.next() * 4294967296));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	between(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	normal(mean = 0, sd = 1): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	poisson(lambda: number): number {
		if (lambda <= 0) return 0;
		if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
		const limit = Math.exp(-lambda);
		let k = 0;
		let p = this.next();
		while (p > limit) {
			k++;
			p *= this.next();
		}
		return k;
	}

	/** Number of weeks until an event with weekly probability p (at least 1). */
	geometric(p: number): number {
		return Math.max(1, Math.ceil(Math.log(1 - this.next()) / Math.log(1 - p)));
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)]!;
	}

	weighted<T>(items: readonly T[], weight: (item: T) => number): T {
		const total = items.reduce((sum, item) => sum + weight(item), 0);
		let r = this.next() * total;
		for (const item of items) {
			r -= weight(item);
			if (r < 0) return item;
		}
		return items[items.length - 1]!;
	}
}

/**
 * Tile-map positions: every municipality gets one square on a grid, as close
 * to its true location as the squares allow. Equal-size tiles let a small
 * municipality be seen beside a large one, which a choropleth map hides.
 */
export interface Located {
	code: string;
	lat: number;
	lon: number;
	population: number;
}

export interface Tile {
	tile_col: number;
	tile_row: number;
}

/** Empty cells per area: room to keep neighbours near their true places. */
const SPREAD = 2.2;

export function tilePositions(areas: readonly Located[]): Map<string, Tile> {
	const result = new Map<string, Tile>();
	if (areas.length === 0) return result;
	const meanLat = areas.reduce((sum, a) => sum + a.lat, 0) / areas.length;
	const xScale = Math.cos((meanLat * Math.PI) / 180);
	const xs = areas.map((a) => a.lon * xScale);
	const ys = areas.map((a) => a.lat);
	const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	const width = Math.max(maxX - minX, 1e-6);
	const height = Math.max(maxY - minY, 1e-6);
	const cell = Math.sqrt((width * height) / (areas.length * SPREAD));
	const ideal = areas.map((a, i) => ({ area: a, x: (xs[i]! - minX) / cell, y: (maxY - ys[i]!) / cell }));

	// The most populous first, so cities keep their true place; code breaks ties.
	ideal.sort((a, b) => b.area.population - a.area.population || (a.area.code < b.area.code ? -1 : 1));
	const taken = new Set<string>();
	for (const { area, x, y } of ideal) {
		let best: Tile | undefined;
		let bestDistance = Infinity;
		for (let radius = 0; !best || radius <= Math.ceil(Math.sqrt(bestDistance)) + 1; radius++) {
			for (let row = Math.floor(y) - radius; row <= Math.floor(y) + radius; row++) {
				for (let col = Math.floor(x) - radius; col <= Math.floor(x) + radius; col++) {
					if (row < 0 || col < 0 || taken.has(`${col},${row}`)) continue;
					const distance = (col + 0.5 - x) ** 2 + (row + 0.5 - y) ** 2;
					if (distance < bestDistance) {
						bestDistance = distance;
						best = { tile_col: col, tile_row: row };
					}
				}
			}
		}
		taken.add(`${best.tile_col},${best.tile_row}`);
		result.set(area.code, best);
	}
	return result;
}

-- areas: the reference municipalities with their tile-map position (pipelines/tiles.ts).
CREATE OR REPLACE VIEW mart_areas AS
SELECT code, name, region_code, region_name, population, population_year, lat, lon, tile_col, tile_row
FROM area_tiles
ORDER BY code;

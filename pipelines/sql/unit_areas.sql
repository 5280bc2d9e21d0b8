-- unit_areas: which municipality a unit served, from when (inclusive) to when
-- (the day it stopped, exclusive; NULL while still served).
CREATE OR REPLACE VIEW mart_unit_areas AS
SELECT unit_id, area_code, valid_from, valid_to
FROM unit_area_periods
ORDER BY unit_id, area_code, valid_from;

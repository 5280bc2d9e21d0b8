-- unit_funding: how a unit was funded, from when (inclusive) to when (the day
-- the funding changed or the unit closed, exclusive; NULL while it lasts).
CREATE OR REPLACE VIEW mart_unit_funding AS
SELECT unit_id, funding, valid_from, valid_to
FROM unit_funding_periods
ORDER BY unit_id, valid_from;

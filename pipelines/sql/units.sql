-- units: one row per unit with its life folded from unit_events (pipelines/fold.ts).
CREATE OR REPLACE VIEW mart_units AS
SELECT
    unit_id, name, org_type, host, region_code, opened_on, closed_on,
    funding_initial, funding_current,
    (SELECT score FROM fidelity f WHERE f.unit_id = u.unit_id ORDER BY reviewed_on LIMIT 1) AS fidelity_first,
    (SELECT score FROM fidelity f WHERE f.unit_id = u.unit_id ORDER BY reviewed_on DESC LIMIT 1) AS fidelity_latest
FROM unit_lives u
ORDER BY unit_id;

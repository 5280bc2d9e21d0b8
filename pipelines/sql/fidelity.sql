-- fidelity: one row per IPS-25 fidelity review, with its level on the
-- scale (fidelity_level, from the contract's FIDELITY_SCALE: pipelines/run.ts).
CREATE OR REPLACE VIEW mart_fidelity AS
SELECT unit_id, reviewed_on, score, fidelity_level(score) AS level
FROM fidelity
ORDER BY unit_id, reviewed_on, score;

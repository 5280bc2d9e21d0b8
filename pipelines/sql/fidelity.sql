-- fidelity_reviews: one row per IPS-25 fidelity review, with its level on the
-- scale (fidelity_level, from the contract's FIDELITY_SCALE: pipelines/run.ts).
-- The fidelity mart adds each review's outcome window once the profile's
-- cells are built (fidelityMartSql, src/lib/contract/aggregates.ts).
CREATE OR REPLACE VIEW fidelity_reviews AS
SELECT unit_id, reviewed_on, score, fidelity_level(score) AS level
FROM fidelity;

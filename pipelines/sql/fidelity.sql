-- fidelity: one row per IPS-25 fidelity review, with the scale's level bands:
-- exemplary 115–125, good 100–114, fair 74–99, not IPS 73 or below.
CREATE OR REPLACE VIEW mart_fidelity AS
SELECT
    unit_id,
    reviewed_on,
    score,
    CASE
        WHEN score >= 115 THEN 'exemplary'
        WHEN score >= 100 THEN 'good'
        WHEN score >= 74 THEN 'fair'
        ELSE 'not_ips'
    END AS level
FROM fidelity
ORDER BY unit_id, reviewed_on, score;

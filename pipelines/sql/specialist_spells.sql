-- specialist_spells: one row per spell, a specialist's unbroken time in one unit.
--
-- A spell goes on while the specialist keeps reporting from the unit; up to
-- eight weeks without a report (holidays, late or missing reports) do not break
-- it. It has ended when nine or more weeks pass without a report before the end
-- of the data, or when the unit closes. The spell_id is opaque: unit and a
-- sequence number, never the pseudonym.
CREATE OR REPLACE TABLE spells AS
-- One pass over the reports finds the weeks that start and end a spell (the
-- gap before or after them is more than eight weeks); the k-th start and the
-- k-th end of a specialist in a unit bound the k-th spell.
WITH bounds AS (
    SELECT unit_id, specialist_id, week,
        coalesce(week - lag(week) OVER w > 63, true) AS starts_spell,
        coalesce(lead(week) OVER w - week > 63, true) AS ends_spell
    FROM reports
    WINDOW w AS (PARTITION BY unit_id, specialist_id ORDER BY week)
),
starts AS (
    SELECT unit_id, specialist_id, week AS first_week,
        row_number() OVER (PARTITION BY unit_id, specialist_id ORDER BY week) AS k
    FROM bounds WHERE starts_spell
),
ends AS (
    SELECT unit_id, specialist_id, week AS last_week,
        row_number() OVER (PARTITION BY unit_id, specialist_id ORDER BY week) AS k
    FROM bounds WHERE ends_spell
),
spans AS (
    SELECT unit_id, specialist_id, first_week, last_week
    FROM starts JOIN ends USING (unit_id, specialist_id, k)
)
SELECT
    s.unit_id || '-' || lpad(row_number() OVER (
        PARTITION BY s.unit_id ORDER BY s.first_week, s.last_week, md5(s.specialist_id))::VARCHAR, 4, '0') AS spell_id,
    s.unit_id,
    s.specialist_id,
    s.first_week,
    s.last_week,
    (u.closed_on IS NOT NULL OR s.last_week + 63 <= (SELECT max(week) FROM reports)) AS ended
FROM spans s
JOIN unit_lives u USING (unit_id);

CREATE OR REPLACE VIEW mart_specialist_spells AS
SELECT spell_id, unit_id, first_week, last_week, ended
FROM spells
ORDER BY unit_id, first_week, spell_id;

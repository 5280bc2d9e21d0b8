-- Report completeness: of the weeks each unit was open within the data period,
-- the share with at least one report. A unit is open in a week when it opened
-- before the week ended and had not closed by its Monday.
SELECT
    count(*)::INTEGER AS expected_unit_weeks,
    count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM reports r WHERE r.unit_id = e.unit_id AND r.week = e.week))::INTEGER AS reported_unit_weeks
FROM (
    SELECT u.unit_id, w.week
    FROM unit_lives u,
        (SELECT unnest(generate_series(min(week), max(week), INTERVAL 7 DAY))::DATE AS week FROM reports) w
    WHERE u.opened_on < w.week + 7 AND (u.closed_on IS NULL OR u.closed_on > w.week)
) e;

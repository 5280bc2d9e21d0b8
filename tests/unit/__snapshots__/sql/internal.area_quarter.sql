WITH quarters AS (
    SELECT * FROM quarters_between($first_quarter, $last_quarter)
),
chosen_units AS MATERIALIZED (
    SELECT unit_id, name, opened_on, closed_on FROM filtered_units(NULL, $org::VARCHAR, $funding::VARCHAR, $unit::VARCHAR)
),
chosen_areas AS (
    SELECT * FROM areas WHERE $region::VARCHAR IS NULL OR region_code = $region::VARCHAR
),
serving AS (
    SELECT q.quarter, ua.area_code AS code, count(DISTINCT u.unit_id) AS units,
        string_agg(DISTINCT u.name, '; ' ORDER BY u.name) AS unit_names
    FROM quarters q
    JOIN unit_areas ua ON served_on(ua.valid_from, ua.valid_to, q.last_day)
    JOIN chosen_units u ON u.unit_id = ua.unit_id AND open_on(u.opened_on, u.closed_on, q.last_day)
    GROUP BY ALL
),
facts AS (
    SELECT strftime(q.quarter, '%Y-%m-%d') AS quarter, a.code, a.name, a.region_code, a.region_name, a.tile_col, a.tile_row,
        coalesce(s.unit_names, '') AS unit_names,
        coalesce(s.units, 0)::DOUBLE AS units_open,
        (coalesce(s.units, 0) > 0)::INTEGER::DOUBLE AS areas_served,
        CASE WHEN s.units > 0 THEN a.population ELSE 0 END::DOUBLE AS population_served,
        1::DOUBLE AS areas, a.population::DOUBLE AS population,
        NULL::DOUBLE AS weeks, NULL::DOUBLE AS fte,
        NULL::DOUBLE AS waitlist,
        NULL::DOUBLE AS caseload,
        NULL::DOUBLE AS caseload_young,
        NULL::DOUBLE AS employed,
        NULL::DOUBLE AS in_education,
        NULL::DOUBLE AS wait_days,
        NULL::DOUBLE AS enrolled,
        NULL::DOUBLE AS referrals,
        NULL::DOUBLE AS job_starts,
        NULL::DOUBLE AS education_starts,
        NULL::DOUBLE AS reported, NULL::DOUBLE AS expected
    FROM quarters q CROSS JOIN chosen_areas a
    LEFT JOIN serving s ON s.quarter = q.quarter AND s.code = a.code
)

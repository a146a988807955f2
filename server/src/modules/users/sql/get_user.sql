SELECT id, email, name, role, avatar_media_id::text, city,
       ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon, interests,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at, locale
FROM users
WHERE id = $1::uuid AND banned_at IS NULL

INSERT INTO users (email, password_hash, name, role)
VALUES ($1, $2, $3, $4)
ON CONFLICT (email) DO NOTHING
RETURNING id, email, name, role, avatar_media_id::text, city,
          ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon, interests,
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at, locale

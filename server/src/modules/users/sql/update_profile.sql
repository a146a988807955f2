-- Each field has a "was it sent" flag so PATCH can also set a field to NULL.
UPDATE users SET
    name = CASE WHEN $2::boolean THEN $3::text ELSE name END,
    city = CASE WHEN $4::boolean THEN $5::text ELSE city END,
    location = CASE WHEN NOT $6::boolean THEN location
                    WHEN $7::float8 IS NULL THEN NULL
                    ELSE ST_SetSRID(ST_MakePoint($8::float8, $7::float8), 4326)::geography END,
    interests = CASE WHEN $9::boolean THEN $10::uuid[] ELSE interests END,
    avatar_media_id = CASE WHEN $11::boolean THEN $12::uuid ELSE avatar_media_id END,
    locale = COALESCE($13::text, locale),
    updated_at = now()
WHERE id = $1::uuid AND banned_at IS NULL
RETURNING id, email, name, role, avatar_media_id::text, city,
          ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon, interests,
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at, locale

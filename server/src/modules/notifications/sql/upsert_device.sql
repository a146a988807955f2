-- Registers push token $1 for user $2 on platform $3; a token another user registered moves to
-- $2 (a shared device changed hands). `existed` says whether $2 had it already.
-- `old` reads the statement's snapshot: the owner before this statement.
WITH old AS (SELECT user_id FROM devices WHERE token = $1::text)
INSERT INTO devices AS d (token, user_id, platform)
VALUES ($1::text, $2::uuid, $3::text)
ON CONFLICT (token) DO UPDATE
SET user_id = EXCLUDED.user_id, platform = EXCLUDED.platform,
    created_at = CASE WHEN d.user_id = EXCLUDED.user_id THEN d.created_at ELSE now() END,
    last_used_at = CASE WHEN d.user_id = EXCLUDED.user_id THEN d.last_used_at END
RETURNING d.token, d.platform, to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          to_char(d.last_used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          COALESCE((SELECT old.user_id = $2::uuid FROM old), false) AS existed

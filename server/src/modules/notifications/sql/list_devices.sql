-- The user's push tokens, oldest first (a user has a handful).
SELECT token, platform, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(last_used_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM devices WHERE user_id = $1::uuid
ORDER BY created_at, token
LIMIT 100

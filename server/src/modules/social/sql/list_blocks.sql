-- The users $1 blocked, newest first.
SELECT b.blocked_id, u.name, to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
FROM blocked_users b JOIN users u ON u.id = b.blocked_id
WHERE b.blocker_id = $1::uuid
ORDER BY b.created_at DESC, b.blocked_id

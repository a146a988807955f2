-- The pending requests from $1, newest first, to active users. $2/$3 cursor (created_at, id) or
-- NULL, $4 limit + 1.
SELECT r.id::text, r.from_id::text, r.to_id::text, r.status,
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM friend_requests r
JOIN users u ON u.id = r.to_id AND u.banned_at IS NULL
WHERE r.from_id = $1::uuid AND r.status = 'pending'
  AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
ORDER BY r.created_at DESC, r.id DESC
LIMIT $4::int

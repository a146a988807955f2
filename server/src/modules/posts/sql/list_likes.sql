-- Who liked post $1, newest first, without users blocked either way with viewer $2 (NULL:
-- anonymous); cursor ($3 created_at, $4 user id); $5 rows. User card columns (reads users, masters).
SELECT u.id, u.name, u.avatar_media_id, u.role, m.id,
       to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM post_likes l
JOIN users u ON u.id = l.user_id
LEFT JOIN masters m ON m.user_id = u.id
WHERE l.post_id = $1::uuid AND u.banned_at IS NULL
  AND ($3::timestamptz IS NULL OR (l.created_at, l.user_id) < ($3::timestamptz, $4::uuid))
  AND ($2::uuid IS NULL OR NOT EXISTS (
        SELECT 1 FROM blocked_users b
        WHERE (b.blocker_id = $2::uuid AND b.blocked_id = u.id) OR (b.blocked_id = $2::uuid AND b.blocker_id = u.id)))
ORDER BY l.created_at DESC, l.user_id DESC
LIMIT $5::int

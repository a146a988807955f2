-- Who follows $1, newest first, without banned users and those blocked either way with $2 (the
-- viewer; NULL: anonymous). $3/$4 cursor (created_at, follower) or NULL, $5 limit + 1.
SELECT f.follower_id::text, to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM follows f
JOIN users u ON u.id = f.follower_id AND u.banned_at IS NULL
WHERE f.followee_id = $1::uuid
  AND ($2::uuid IS NULL OR NOT EXISTS (
      SELECT 1 FROM blocked_users b
      WHERE (b.blocker_id = $2::uuid AND b.blocked_id = f.follower_id)
         OR (b.blocker_id = f.follower_id AND b.blocked_id = $2::uuid)))
  AND ($3::timestamptz IS NULL OR (f.created_at, f.follower_id) < ($3::timestamptz, $4::uuid))
ORDER BY f.created_at DESC, f.follower_id DESC
LIMIT $5::int

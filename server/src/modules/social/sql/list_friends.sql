-- $1's friends, newest friendship first, without banned users and those blocked either way with
-- $2 (the viewer; NULL: anonymous). $3/$4 cursor (created_at, friend) or NULL, $5 limit + 1.
SELECT fr.friend_id::text, to_char(fr.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM friendships fr
JOIN users u ON u.id = fr.friend_id AND u.banned_at IS NULL
WHERE fr.user_id = $1::uuid
  AND ($2::uuid IS NULL OR NOT EXISTS (
      SELECT 1 FROM blocked_users b
      WHERE (b.blocker_id = $2::uuid AND b.blocked_id = fr.friend_id)
         OR (b.blocker_id = fr.friend_id AND b.blocked_id = $2::uuid)))
  AND ($3::timestamptz IS NULL OR (fr.created_at, fr.friend_id) < ($3::timestamptz, $4::uuid))
ORDER BY fr.created_at DESC, fr.friend_id DESC
LIMIT $5::int

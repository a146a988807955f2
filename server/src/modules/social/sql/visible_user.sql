-- $2 when it is an active user and neither $1 (the viewer; NULL: anonymous) nor $2 blocked the
-- other.
SELECT u.id::text
FROM users u
WHERE u.id = $2::uuid AND u.banned_at IS NULL
  AND ($1::uuid IS NULL OR NOT EXISTS (
      SELECT 1 FROM blocked_users b
      WHERE (b.blocker_id = $1::uuid AND b.blocked_id = u.id) OR (b.blocker_id = u.id AND b.blocked_id = $1::uuid)))

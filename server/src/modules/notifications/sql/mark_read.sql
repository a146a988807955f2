-- Marks the user's notifications read: those whose id or group id is in $2 (what either list
-- returned), or all of them when $2 is NULL. $3 the server's now.
UPDATE notifications SET read_at = $3::timestamptz
WHERE user_id = $1::uuid AND read_at IS NULL
  AND ($2::uuid[] IS NULL OR id = ANY ($2::uuid[]) OR group_id = ANY ($2::uuid[]))

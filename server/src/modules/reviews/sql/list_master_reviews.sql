-- A master's reviews, newest first, in get_review.sql's columns plus the sort key.
-- $1 master, $2/$3 cursor (created_at, id) or NULL, $4 limit + 1.
SELECT r.id, r.booking_id, r.master_id, u.id, u.name, r.rating, r.text, r.reply,
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(r.replied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), u.avatar_media_id,
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM reviews r JOIN users u ON u.id = r.author_id
WHERE r.master_id = $1::uuid
  AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
ORDER BY r.created_at DESC, r.id DESC
LIMIT $4::int

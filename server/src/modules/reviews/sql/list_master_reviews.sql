-- Newest first; $2 limit + 1, $3/$4 cursor (created_at, id) or NULL.
SELECT json_build_object(
    'id', r.id, 'booking_id', r.booking_id, 'master_id', r.master_id,
    'author', json_build_object('id', u.id, 'name', u.name),
    'rating', r.rating, 'text', r.text, 'reply', r.reply,
    'created_at', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'replied_at', to_char(r.replied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text,
    to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.id
FROM reviews r JOIN users u ON u.id = r.author_id
WHERE r.master_id = $1::uuid
  AND ($3::timestamptz IS NULL OR (r.created_at, r.id) < ($3::timestamptz, $4::uuid))
ORDER BY r.created_at DESC, r.id DESC
LIMIT $2::int

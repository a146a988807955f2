-- User $1's posts newest first after the cursor ($2 created_at, $3 id) or from the top; $4 rows.
SELECT p.id, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM posts p
WHERE p.author_id = $1::uuid AND p.deleted_at IS NULL
  AND ($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2::timestamptz, $3::uuid))
ORDER BY p.created_at DESC, p.id DESC
LIMIT $4::int

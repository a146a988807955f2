-- The caller's favourite masters, newest first: ids only, the masters module renders the cards.
-- $1 user, $2/$3 cursor (added-at epoch, master id) or NULL, $4 limit + 1.
SELECT f.master_id, extract(epoch FROM f.created_at)::float8
FROM favorite_masters f
WHERE f.user_id = $1::uuid
  AND ($2::float8 IS NULL OR (extract(epoch FROM f.created_at)::float8, f.master_id) < ($2::float8, $3::uuid))
ORDER BY extract(epoch FROM f.created_at)::float8 DESC, f.master_id DESC
LIMIT $4::int

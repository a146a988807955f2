-- A new post joins feed_popular at once (fresh, its per-post parts are at their best); the next
-- rebuild keeps it or drops it. Returns nothing when the post is gone or hidden. $1 post, $2 now.
INSERT INTO feed_popular (post_id, author_id, location, lon, lat, score, refreshed_at)
SELECT p.id, p.author_id, p.location, ST_X(p.location::geometry), ST_Y(p.location::geometry),
       0.25 * exp(-0.693147180559945::float8 * least(60, greatest(0, extract(epoch FROM ($2::timestamptz - p.created_at))::float8) / 86400))
       + 0.20 * least(1, log((1 + p.like_count + 2 * p.comment_count + 3 * p.repost_count)::float8) / 4),
       $2::timestamptz
FROM posts p
WHERE p.id = $1::uuid AND p.deleted_at IS NULL AND p.hidden_at IS NULL
ON CONFLICT (post_id) DO UPDATE SET score = EXCLUDED.score, refreshed_at = EXCLUDED.refreshed_at
RETURNING author_id::text

-- The periodic rebuild of feed_popular, step two: the 1,000 best per-post parts of the score
-- (0.25·freshness + 0.20·popularity, docs/feed.md) among the 20,000 newest visible posts, so the
-- rebuild costs the same however many posts there are and the list is never empty while any
-- post exists. A post published meanwhile may have joined already (add_popular.sql commits between
-- this transaction's DELETE and this INSERT): it is updated, not a duplicate key. $1 now.
INSERT INTO feed_popular (post_id, author_id, location, lon, lat, score, refreshed_at)
SELECT id, author_id, location, ST_X(location::geometry), ST_Y(location::geometry), score, $1::timestamptz FROM (
    SELECT p.id, p.author_id, p.location,
           0.25 * exp(-0.693147180559945::float8 * least(60, greatest(0, extract(epoch FROM ($1::timestamptz - p.created_at))::float8) / 86400))
           + 0.20 * least(1, log((1 + p.like_count + 2 * p.comment_count + 3 * p.repost_count)::float8) / 4) AS score
    FROM (SELECT id, author_id, location, created_at, like_count, comment_count, repost_count FROM posts
          WHERE deleted_at IS NULL AND hidden_at IS NULL
          ORDER BY created_at DESC, id DESC
          LIMIT 20000) p
) s
ORDER BY score DESC
LIMIT 1000
ON CONFLICT (post_id) DO UPDATE SET score = EXCLUDED.score, refreshed_at = EXCLUDED.refreshed_at

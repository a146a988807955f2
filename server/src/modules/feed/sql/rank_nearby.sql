-- nearby: masters' posts (a post's place is its master's) nearest to the point among the
-- recent ones, 500 at most (KNN over posts_feed_geo_idx); the service ranks them by distance
-- and freshness. Blocked either way, muted and the viewer's own posts are left out before the
-- cut. $1 viewer, $2/$3 the point (lon, lat), $4 now, $5 "recent" starts here.
-- Columns: id, author, distance in metres, age in seconds.
WITH unwanted AS (
    SELECT coalesce(array_agg(x), '{}') AS ids FROM (
        SELECT blocked_id AS x FROM blocked_users WHERE blocker_id = $1::uuid
        UNION SELECT blocker_id FROM blocked_users WHERE blocked_id = $1::uuid
        UNION SELECT muted_id FROM mutes WHERE user_id = $1::uuid
    ) u
)
SELECT p.id::text, p.author_id::text, (p.location <-> pt.pt)::float8,
       greatest(0, extract(epoch FROM ($4::timestamptz - p.created_at)))::float8
FROM (SELECT ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography AS pt) pt
CROSS JOIN LATERAL (
    SELECT p.id, p.author_id, p.location, p.created_at FROM posts p
    WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.location IS NOT NULL
      AND p.created_at > $5::timestamptz AND p.author_id <> $1::uuid
      AND NOT (p.author_id = ANY ((SELECT ids FROM unwanted)::uuid[]))
    -- the point spelled out: a KNN index scan needs a constant
    ORDER BY p.location <-> ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography
    LIMIT 500
) p

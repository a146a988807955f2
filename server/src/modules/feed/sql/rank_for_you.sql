-- for_you, stage one: the candidates with the features the score needs (docs/feed.md).
-- $1 viewer, $2/$3 the viewer's point (lon, lat), $4 now, $5 "recent" starts here.
-- Candidates: the 500 recent posts nearest to the point (KNN over posts_feed_geo_idx), the
-- newest 10 recent posts of each followed user and friend (200 at most), and the popular posts
-- (feed_popular: the best 100 within about 50 km and the best 50 anywhere). Blocked either way,
-- muted, deleted, hidden and the viewer's own posts are left out inside each branch, before
-- anything is cut. Each branch reads its rows' columns itself (no second join over posts).
-- Columns: id, author, distance in metres (NULL: the post has no place), age in seconds,
-- likes, comments, reposts, subscribed, category share.
WITH viewer AS (
    SELECT ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography AS pt,
           coalesce((SELECT interests FROM users WHERE id = $1::uuid), '{}') AS interests
),
-- The category part per category, once: the share of the viewer's interests that name the
-- category or its parent.
interest AS (
    SELECT c.id, count(*)::float8 / cardinality(v.interests) AS share
    FROM viewer v, unnest(v.interests) AS i (id)
    JOIN categories c ON c.id = i.id OR c.parent_id = i.id
    GROUP BY c.id, v.interests
),
unwanted AS (
    SELECT coalesce(array_agg(x), '{}') AS ids FROM (
        SELECT blocked_id AS x FROM blocked_users WHERE blocker_id = $1::uuid
        UNION SELECT blocker_id FROM blocked_users WHERE blocked_id = $1::uuid
        UNION SELECT muted_id FROM mutes WHERE user_id = $1::uuid
    ) u
),
subscribed AS (
    SELECT coalesce(array_agg(x), '{}') AS ids FROM (
        SELECT followee_id AS x FROM follows WHERE follower_id = $1::uuid
        UNION SELECT friend_id FROM friendships WHERE user_id = $1::uuid
    ) s
),
candidates AS (
    (SELECT p.id, p.author_id, p.location, p.created_at, p.like_count, p.comment_count, p.repost_count,
            p.category_id
     FROM posts p
     WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.location IS NOT NULL
       AND p.created_at > $5::timestamptz AND p.author_id <> $1::uuid
       AND NOT (p.author_id = ANY ((SELECT ids FROM unwanted)::uuid[]))
     -- the point spelled out (not from the CTE): a KNN index scan needs a constant
     ORDER BY p.location <-> ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography
     LIMIT 500)
    UNION ALL
    (SELECT q.* FROM subscribed s, unnest(s.ids) AS a (author_id)
     CROSS JOIN LATERAL (
         SELECT p.id, p.author_id, p.location, p.created_at, p.like_count, p.comment_count, p.repost_count,
                p.category_id
         FROM posts p
         WHERE p.author_id = a.author_id AND p.deleted_at IS NULL AND p.hidden_at IS NULL
           AND p.created_at > $5::timestamptz
           AND NOT (p.author_id = ANY ((SELECT ids FROM unwanted)::uuid[]))
         ORDER BY p.created_at DESC, p.id DESC
         LIMIT 10) q
     ORDER BY q.created_at DESC
     LIMIT 200)
    UNION ALL
    (SELECT q.* FROM (
         -- within about 50 km: a box of ±0.45° of latitude and the same distance in longitude
         (SELECT f.post_id, f.score FROM feed_popular f
          WHERE f.lat BETWEEN $3::float8 - 0.45 AND $3::float8 + 0.45
            AND f.lon BETWEEN $2::float8 - 0.45 / greatest(0.05, cos(radians($3::float8)))
                          AND $2::float8 + 0.45 / greatest(0.05, cos(radians($3::float8)))
          ORDER BY f.score DESC
          LIMIT 100)
         UNION
         (SELECT f.post_id, f.score FROM feed_popular f ORDER BY f.score DESC LIMIT 50)
     ) f
     CROSS JOIN LATERAL (
         SELECT p.id, p.author_id, p.location, p.created_at, p.like_count, p.comment_count, p.repost_count,
                p.category_id
         FROM posts p
         WHERE p.id = f.post_id AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND p.author_id <> $1::uuid
           AND NOT (p.author_id = ANY ((SELECT ids FROM unwanted)::uuid[]))) q)
)
SELECT DISTINCT ON (k.id)
       k.id::text, k.author_id::text,
       CASE WHEN k.location IS NULL THEN NULL ELSE (k.location <-> v.pt)::float8 END,
       greatest(0, extract(epoch FROM ($4::timestamptz - k.created_at)))::float8,
       k.like_count, k.comment_count, k.repost_count,
       k.author_id = ANY (s.ids),
       coalesce(i.share, 0)
FROM candidates k CROSS JOIN viewer v CROSS JOIN subscribed s
LEFT JOIN interest i ON i.id = k.category_id
ORDER BY k.id

-- following: the posts and reposts of the viewer's circle (whom they follow, their friends and
-- themselves, minus anyone muted or blocked either way), newest first. Each post shows once, at
-- its newest occurrence in the circle: the post itself only when nobody in the circle reposted
-- it, a repost only when it is the newest repost of that post by the circle. The rule is checked
-- per author inside each author's LIMIT, so a page is full whenever more entries exist. Reposts
-- by the circle are read in full (each member's few) rather than per author.
-- $1 viewer, $2/$3 the cursor (the last entry's time and id; NULL on the first page), $4 limit + 1.
-- Columns: post id, repost id (NULL for the post itself), the entry's time (the cursor key,
-- microseconds, UTC), the entry's id.
WITH unwanted AS (
    SELECT coalesce(array_agg(x), '{}') AS ids FROM (
        SELECT blocked_id AS x FROM blocked_users WHERE blocker_id = $1::uuid
        UNION SELECT blocker_id FROM blocked_users WHERE blocked_id = $1::uuid
        UNION SELECT muted_id FROM mutes WHERE user_id = $1::uuid
    ) u
),
circle AS (
    SELECT c.id FROM (
        SELECT $1::uuid AS id
        UNION SELECT followee_id FROM follows WHERE follower_id = $1::uuid
        UNION SELECT friend_id FROM friendships WHERE user_id = $1::uuid
    ) c, unwanted w
    WHERE NOT (c.id = ANY (w.ids))
),
members AS (SELECT coalesce(array_agg(id), '{}') AS ids FROM circle),
-- Every repost by the circle, read once through reposts_user_idx (few per user): checking each
-- candidate post against reposts instead cost ~3 buffers per post, most of a page.
circle_reposts AS (
    SELECT r.id, r.post_id, r.created_at FROM reposts r, members m WHERE r.user_id = ANY (m.ids)
),
reposted AS (SELECT coalesce(array_agg(post_id), '{}') AS ids FROM circle_reposts),
newest_reposts AS (
    SELECT DISTINCT ON (post_id) id, post_id, created_at FROM circle_reposts
    ORDER BY post_id, created_at DESC, id DESC
),
entries AS (
    SELECT e.post_id, e.repost_id, e.at, e.entry_id
    FROM circle c, reposted rp
    CROSS JOIN LATERAL (
        SELECT p.id AS post_id, NULL::uuid AS repost_id, p.created_at AS at, p.id AS entry_id
        FROM posts p
        WHERE p.author_id = c.id AND p.deleted_at IS NULL AND (p.hidden_at IS NULL OR p.author_id = $1::uuid)
          AND ($2::timestamptz IS NULL OR (p.created_at, p.id) < ($2::timestamptz, $3::uuid))
          AND NOT (p.id = ANY (rp.ids))
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT $4
    ) e
    UNION ALL
    SELECT r.post_id, r.id, r.created_at, r.id
    FROM newest_reposts r JOIN posts p ON p.id = r.post_id, unwanted w
    WHERE p.deleted_at IS NULL AND (p.hidden_at IS NULL OR p.author_id = $1::uuid)
      AND NOT (p.author_id = ANY (w.ids))
      AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
)
-- The page is cut first, then formatted: to_char on every merged row would cost more than the rest.
SELECT post_id::text, repost_id::text,
       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), entry_id::text
FROM (SELECT post_id, repost_id, at, entry_id FROM entries ORDER BY at DESC, entry_id DESC LIMIT $4) page
ORDER BY at DESC, entry_id DESC

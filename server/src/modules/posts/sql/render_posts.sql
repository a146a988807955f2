-- Posts as the API shows them, for the entries $1 (post ids) and $2 (repost ids, '' for a
-- plain post) in that order, as viewer $3 (NULL: anonymous) may see them: deleted posts,
-- others' hidden ones, banned authors and anything of a user blocked either way are left out.
-- Reads users, masters, categories and master_services (their modules' tables).
WITH e AS (
    SELECT post_id, NULLIF(repost_id, '')::uuid AS repost_id, ord
    FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS e(post_id, repost_id, ord)
),
-- Everyone blocked either way, read once (two probes) rather than twice per post.
bl AS (
    SELECT coalesce(array_agg(x), '{}') AS ids FROM (
        SELECT blocked_id AS x FROM blocked_users WHERE blocker_id = $3::uuid
        UNION ALL SELECT blocker_id FROM blocked_users WHERE blocked_id = $3::uuid
    ) b
)
SELECT p.id, p.author_id, u.name, u.avatar_media_id, m.id,
       p.text, p.category_id, c.slug, c.name_ru, c.name_en,
       p.service_id, s.name, s.price_minor, s.currency, s.duration_min,
       p.like_count, p.comment_count, p.repost_count,
       ($3::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM post_likes l WHERE l.post_id = p.id AND l.user_id = $3::uuid)),
       ($3::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM reposts mine WHERE mine.post_id = p.id AND mine.user_id = $3::uuid)),
       to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(p.edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       ARRAY(SELECT pm.media_id::text FROM post_media pm WHERE pm.post_id = p.id ORDER BY pm.position),
       r.id, r.user_id, ru.name, ru.avatar_media_id, ru.role, rm.id, r.comment,
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       u.role
FROM e
CROSS JOIN bl
JOIN posts p ON p.id = e.post_id
JOIN users u ON u.id = p.author_id
LEFT JOIN masters m ON m.user_id = p.author_id
LEFT JOIN categories c ON c.id = p.category_id
LEFT JOIN master_services s ON s.id = p.service_id
LEFT JOIN reposts r ON r.id = e.repost_id
LEFT JOIN users ru ON ru.id = r.user_id
LEFT JOIN masters rm ON rm.user_id = r.user_id
WHERE p.deleted_at IS NULL
  AND (p.hidden_at IS NULL OR p.author_id = $3::uuid)
  AND u.banned_at IS NULL
  AND (e.repost_id IS NULL OR (r.id IS NOT NULL AND r.post_id = p.id AND ru.banned_at IS NULL))
  AND NOT (p.author_id = ANY (bl.ids))
  AND (r.user_id IS NULL OR NOT (r.user_id = ANY (bl.ids)))
ORDER BY e.ord

-- Which of the posts $1 (uuid[]) viewer $2 may see (as visible_post.sql).
SELECT p.id
FROM posts p JOIN users u ON u.id = p.author_id
WHERE p.id = ANY ($1::uuid[]) AND p.deleted_at IS NULL AND u.banned_at IS NULL
  AND (p.hidden_at IS NULL OR p.author_id = $2::uuid)
  AND NOT EXISTS (
        SELECT 1 FROM blocked_users b
        WHERE (b.blocker_id = $2::uuid AND b.blocked_id = p.author_id)
           OR (b.blocked_id = $2::uuid AND b.blocker_id = p.author_id))

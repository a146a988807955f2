-- Deletes comment $1 (its replies go with it) and takes it and its replies off the counts.
WITH removed AS (
    DELETE FROM comments WHERE id = $1::uuid RETURNING post_id, parent_id, reply_count
), post_counted AS (
    UPDATE posts p SET comment_count = greatest(0, p.comment_count - 1 - r.reply_count)
    FROM removed r WHERE p.id = r.post_id
), parent_counted AS (
    UPDATE comments c SET reply_count = greatest(0, c.reply_count - 1)
    FROM removed r WHERE c.id = r.parent_id
)
SELECT count(*) FROM removed

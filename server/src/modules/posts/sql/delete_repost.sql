-- User $2 takes back their repost of post $1; returns whether there was one.
WITH removed AS (
    DELETE FROM reposts WHERE post_id = $1::uuid AND user_id = $2::uuid RETURNING post_id
), counted AS (
    UPDATE posts SET repost_count = repost_count - 1 WHERE id IN (SELECT post_id FROM removed)
)
SELECT count(*) FROM removed

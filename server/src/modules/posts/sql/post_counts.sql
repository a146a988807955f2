-- Post $1's counts.
SELECT like_count, comment_count, repost_count FROM posts WHERE id = $1::uuid

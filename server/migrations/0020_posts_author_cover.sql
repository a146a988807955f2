-- posts: the index of an author's posts, newest first, now carries hidden_at, so the following
-- tab (feed/sql/list_following.sql: up to limit + 1 posts of each of ~50 followed authors) and
-- a profile's posts read the index alone instead of one heap page per post. Measured on the
-- bench data set (bench/feed-bench: 1,000,000 posts): the posts part of a following page went
-- from 1,373 buffers (1,013 read) to 239.
DROP INDEX posts_author_idx;
CREATE INDEX posts_author_idx ON posts (author_id, created_at DESC, id DESC) INCLUDE (hidden_at)
    WHERE deleted_at IS NULL;

-- feed module (docs/feed.md). The feed keeps no copy of posts: the per-post parts of the score
-- (freshness, popularity) are computed at read time from posts' exact counters. What it keeps
-- is the short list of popular posts that seeds every for_you, refreshed by a periodic job
-- every 15 minutes and by each new post, and an index the candidate stage walks.

-- The best per-post parts (0.25·freshness + 0.20·popularity) among the newest posts, at most
-- about a thousand rows: the "popular" candidates. Replaces the seed's popular_posts
-- materialized view (a table is rebuilt inside one transaction without a unique index or
-- CONCURRENTLY, and a new post can be added to it at once).
CREATE TABLE feed_popular (
    post_id       uuid PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    author_id     uuid NOT NULL,
    location      geography(Point, 4326),
    -- The place as plain degrees too: "within about 50 km" is then a cheap box test.
    lon           double precision,
    lat           double precision,
    score         double precision NOT NULL,
    refreshed_at  timestamptz NOT NULL
);
CREATE INDEX feed_popular_score_idx ON feed_popular (score DESC);

-- The nearest recent posts to a point (for_you's area candidates and the nearby tab):
-- ORDER BY location <-> point walks this index and checks the age inside it (btree_gist),
-- so only the rows of the page are read from the heap.
CREATE INDEX posts_feed_geo_idx ON posts USING gist (location, created_at)
    WHERE deleted_at IS NULL AND hidden_at IS NULL;

-- posts module: masters' posts with photos, likes, comments (one level of replies) and reposts.
-- The counts a post shows are columns kept in the transaction of each like, comment and
-- repost, so they are exact under concurrency and cost nothing to read; the feed ranks by them.
CREATE TABLE posts (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    author_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text           text NOT NULL DEFAULT '' CHECK (char_length(text) <= 2200),
    category_id    uuid REFERENCES categories (id) ON DELETE SET NULL,
    service_id     uuid REFERENCES master_services (id) ON DELETE SET NULL,
    -- The author's place when the post was published (a master's location): "nearby" and the
    -- geo part of the ranking find posts by it without a join.
    location       geography(Point, 4326),
    like_count     integer NOT NULL DEFAULT 0 CHECK (like_count >= 0),
    comment_count  integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    repost_count   integer NOT NULL DEFAULT 0 CHECK (repost_count >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    edited_at      timestamptz,
    -- Soft delete: the row stays for the counters of reposts and notifications, shown nowhere.
    deleted_at     timestamptz,
    -- Hidden by a moderator: shown nowhere but to its author.
    hidden_at      timestamptz
) WITH (fillfactor = 90);  -- room for HOT updates of the counters
CREATE INDEX posts_author_idx ON posts (author_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_recent_idx ON posts (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_location_idx ON posts USING gist (location) WHERE deleted_at IS NULL;

-- A post's photos in order; a photo belongs to one post at most.
CREATE TABLE post_media (
    post_id   uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    media_id  uuid NOT NULL UNIQUE REFERENCES media (id) ON DELETE CASCADE,
    position  smallint NOT NULL CHECK (position BETWEEN 0 AND 9),
    PRIMARY KEY (post_id, position)
);

CREATE TABLE post_likes (
    post_id     uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (post_id, user_id)
);
-- "Who liked this" pages newest first; the primary key answers "did I like it".
CREATE INDEX post_likes_list_idx ON post_likes (post_id, created_at DESC, user_id);
CREATE INDEX post_likes_user_idx ON post_likes (user_id, created_at DESC);

-- parent_id is always a top-level comment: a reply to a reply is attached to its top-level
-- comment, so there is one level of replies. Deleting a comment deletes its replies.
CREATE TABLE comments (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id      uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    parent_id    uuid REFERENCES comments (id) ON DELETE CASCADE,
    text         text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 1000),
    reply_count  integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    edited_at    timestamptz
);
CREATE INDEX comments_top_idx ON comments (post_id, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_replies_idx ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_author_idx ON comments (author_id);

CREATE TABLE reposts (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id     uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    comment     text CHECK (char_length(comment) <= 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (post_id, user_id)
);
CREATE INDEX reposts_user_idx ON reposts (user_id, created_at DESC, id DESC);

-- social module (docs/social.md): who follows whom, friend requests and friendships, mutes.
-- blocked_users (0008) belongs to this module too; blocking removes the pair's follows,
-- friendship and pending requests in the same transaction. Every change to one pair of users
-- takes a transaction-scoped advisory lock on the unordered pair first.

CREATE TABLE follows (
    follower_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    followee_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (follower_id, followee_id),
    CHECK (follower_id <> followee_id)
);
-- A user's followers and whom they follow, newest first (keyset on created_at, the other id).
CREATE INDEX follows_followers_idx ON follows (followee_id, created_at DESC, follower_id);
CREATE INDEX follows_following_idx ON follows (follower_id, created_at DESC, followee_id);

-- A request stays as history once decided; at most one pending request per unordered pair, so
-- two users asking each other at once end with one request (the second one accepts it).
CREATE TABLE friend_requests (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    from_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    to_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      text NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'declined', 'cancelled')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    decided_at  timestamptz,
    CHECK (from_id <> to_id),
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE UNIQUE INDEX friend_requests_pending_pair ON friend_requests (least(from_id, to_id), greatest(from_id, to_id))
    WHERE status = 'pending';
CREATE INDEX friend_requests_incoming_idx ON friend_requests (to_id, created_at DESC, id) WHERE status = 'pending';
CREATE INDEX friend_requests_outgoing_idx ON friend_requests (from_id, created_at DESC, id) WHERE status = 'pending';

-- Both directions of every friendship (two rows), so "my friends" is one index range
-- (the feed reads friendships WHERE user_id = viewer).
CREATE TABLE friendships (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    friend_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, friend_id),
    CHECK (user_id <> friend_id)
);
CREATE INDEX friendships_list_idx ON friendships (user_id, created_at DESC, friend_id);

-- The users whose posts user_id does not want in their feed; the muted user is not told.
CREATE TABLE mutes (
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    muted_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, muted_id),
    CHECK (user_id <> muted_id)
);

-- chats module: direct and group conversations, their messages, per-user delivery and read
-- watermarks, blocks between users and when a user was last seen online.
CREATE TABLE chats (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind             text NOT NULL CHECK (kind IN ('direct', 'group')),
    title            text CHECK (char_length(title) BETWEEN 1 AND 100),
    created_by       uuid NOT NULL REFERENCES users (id),
    -- "<smaller uuid>:<larger uuid>" of a direct chat's two users: at most one direct chat per pair.
    direct_key       text UNIQUE,
    -- The seq of the newest message. A sender takes the next number with
    -- UPDATE … SET last_seq = last_seq + 1 RETURNING last_seq in the statement that inserts the
    -- message: the row lock orders concurrent senders and a failed insert gives its number back,
    -- so the numbers of a chat have no gaps.
    last_seq         bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    last_message_at  timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'direct') = (direct_key IS NOT NULL)),
    CHECK (kind = 'group' OR title IS NULL)
);

-- Who is in a chat. The watermarks are the highest seq delivered to and read by the user's
-- devices; they only move forward and reading implies delivery.
CREATE TABLE chat_participants (
    chat_id        uuid NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role           text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
    joined_at      timestamptz NOT NULL DEFAULT now(),
    delivered_seq  bigint NOT NULL DEFAULT 0,
    read_seq       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (chat_id, user_id),
    CHECK (read_seq >= 0 AND read_seq <= delivered_seq)
);
-- A user's chats (the chat list), and the people who share a chat with them (presence).
CREATE INDEX chat_participants_user_idx ON chat_participants (user_id);

CREATE TABLE messages (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    chat_id        uuid NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    seq            bigint NOT NULL CHECK (seq > 0),
    sender_id      uuid NOT NULL REFERENCES users (id),
    type           text NOT NULL CHECK (type IN ('text', 'image')),
    -- Text up to 4000 characters or an image URL up to 2048; '' once deleted.
    content        text NOT NULL CHECK (char_length(content) <= 4000),
    -- The sender's id for the message, so a retried send returns the original.
    client_msg_id  text CHECK (char_length(client_msg_id) BETWEEN 1 AND 64),
    created_at     timestamptz NOT NULL DEFAULT now(),
    edited_at      timestamptz,
    deleted_at     timestamptz,
    -- Also the index for history pages, catch-up after a seq, the last message and unread counts.
    UNIQUE (chat_id, seq),
    UNIQUE (chat_id, sender_id, client_msg_id),
    CHECK (deleted_at IS NULL OR content = '')
);

-- A blocked user cannot start a direct chat with the blocker or send to them (either direction).
CREATE TABLE blocked_users (
    blocker_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (blocker_id, blocked_id),
    CHECK (blocker_id <> blocked_id)
);
-- Blocks in either direction are two primary-key lookups; this serves "who blocked me" (feed filters).
CREATE INDEX blocked_users_blocked_idx ON blocked_users (blocked_id);

-- When the user's last socket went away; written by the real-time presence handler.
CREATE TABLE user_presence (
    user_id       uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_seen_at  timestamptz NOT NULL
);

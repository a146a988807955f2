-- users module: the language of what the server writes to the user (notification texts, pushes).
ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en'));

-- notifications module (docs/notifications.md). Other modules never write these tables: they
-- enqueue a `notifications.create` job in the transaction of the change (the outbox), and the
-- module's handler writes the row.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type        text NOT NULL CHECK (type ~ '^[a-z_]{1,40}$'),
    actor_id    uuid REFERENCES users (id) ON DELETE SET NULL,
    target      jsonb NOT NULL CHECK (jsonb_typeof(target) = 'object'),
    -- What the notification is grouped by (groupable types only, e.g. "review_received:<master>").
    group_key   text,
    -- The group it belongs to: its own id when it is not groupable or starts a group; the first
    -- member's group otherwise. A groupable notification joins the latest group of its key
    -- whose first member is less than 12 hours older; the list shows a group as one item.
    group_id    uuid NOT NULL,
    -- The producer's key of the event: one notification per event however often the job runs.
    dedupe_key  text NOT NULL CHECK (char_length(dedupe_key) BETWEEN 1 AND 300),
    in_app      boolean NOT NULL,  -- shown in the list (the in-app preference when it was made)
    read_at     timestamptz,
    created_at  timestamptz NOT NULL  -- on the server's clock (core::Clock)
);
CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key);
CREATE INDEX notifications_list ON notifications (user_id, created_at DESC, id DESC) WHERE in_app;
CREATE INDEX notifications_groups ON notifications (group_id);
CREATE INDEX notifications_group_key ON notifications (user_id, group_key, created_at DESC)
    WHERE group_key IS NOT NULL;
CREATE INDEX notifications_unread ON notifications (user_id, group_id) WHERE in_app AND read_at IS NULL;
CREATE INDEX notifications_created ON notifications (created_at);

-- Per-user settings; no row means the defaults (every type on in both channels, no quiet
-- hours, the time zone of the user's master profile or Europe/Moscow, grouping on).
CREATE TABLE notification_preferences (
    user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    types       jsonb NOT NULL DEFAULT '{}'::jsonb,  -- {type: {in_app, push}} for the types changed
    quiet_from  time,
    quiet_to    time,
    timezone    text,
    grouping    boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);

-- Push registration tokens: one owner each (a token registered by another user moves to them).
CREATE TABLE devices (
    token         text PRIMARY KEY CHECK (char_length(token) BETWEEN 1 AND 4096),
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    platform      text NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz
);
CREATE INDEX devices_user ON devices (user_id, created_at);

-- media module: uploaded photos and what processing made of them. The files live in the
-- storage backend under media/<id>/…; this row says what exists and who may see it.
-- Modules that show a photo reference media(id) with the FK action that fits them (an avatar
-- is SET NULL, a portfolio item CASCADE, a post RESTRICT): deleting a media row is the only
-- write, and PostgreSQL carries it out in the referencing tables.
CREATE TABLE media (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose           text NOT NULL CHECK (purpose IN ('avatar', 'portfolio', 'post', 'chat')),
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'ready', 'failed')),
    declared_type     text NOT NULL,
    max_bytes         bigint NOT NULL CHECK (max_bytes > 0),
    received_bytes    bigint,
    detected_type     text,
    failure_reason    text CHECK (failure_reason IN ('unsupported_type', 'too_large', 'corrupt', 'processing_error')),
    width             integer,
    height            integer,
    placeholder       text,
    -- {"thumb": {"width": 160, "height": 160}, "medium": {...}, "large": {...}}; each as .webp and .jpg
    variants          jsonb NOT NULL DEFAULT '{}',
    upload_expires_at timestamptz NOT NULL,
    uploaded_at       timestamptz,
    lease_until       timestamptz,  -- a node is processing it until then; past it, another node takes over
    attempts          integer NOT NULL DEFAULT 0,
    attached_at       timestamptz,  -- first used by a profile, portfolio, post or message
    created_at        timestamptz NOT NULL DEFAULT now(),
    ready_at          timestamptz,
    CONSTRAINT media_ready_has_size CHECK (status <> 'ready' OR (width IS NOT NULL AND height IS NOT NULL))
);
CREATE INDEX media_owner_pending_idx ON media (owner_id) WHERE status = 'pending';
CREATE INDEX media_processing_idx ON media (lease_until) WHERE status = 'processing';
CREATE INDEX media_unattached_idx ON media (created_at) WHERE attached_at IS NULL;

-- portfolio module: a master's photos of their work, in the order the master chose
-- (position 0 first; the first is the cover on master cards). A photo is in one portfolio at
-- most; deleting the photo removes the item.
CREATE TABLE portfolio_items (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    master_id   uuid NOT NULL REFERENCES masters (id) ON DELETE CASCADE,
    media_id    uuid NOT NULL UNIQUE REFERENCES media (id) ON DELETE CASCADE,
    caption     text NOT NULL DEFAULT '' CHECK (char_length(caption) <= 500),
    service_id  uuid REFERENCES master_services (id) ON DELETE SET NULL,
    position    integer NOT NULL CHECK (position >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portfolio_items_master_idx ON portfolio_items (master_id, position);

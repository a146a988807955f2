-- users module: the avatar is a photo of the media module (purpose "avatar"); deleting the
-- photo falls back to initials. The old free-text avatar_url was never settable and goes.
ALTER TABLE users DROP COLUMN avatar_url;
ALTER TABLE users ADD COLUMN avatar_media_id uuid REFERENCES media (id) ON DELETE SET NULL;

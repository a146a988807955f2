-- chats module: a photo message points at a chat photo of the media module (uploaded by the
-- sender with purpose "chat"). When its owner deletes the photo, media_id becomes NULL and the
-- message shows the photo as deleted. Image messages of the old form keep their URL in content;
-- new ones have content '' and a media_id.
ALTER TABLE messages ADD COLUMN media_id uuid REFERENCES media (id) ON DELETE SET NULL;
ALTER TABLE messages ADD CONSTRAINT messages_media_is_image CHECK (media_id IS NULL OR type = 'image');

-- A photo is sent once (a retry returns the first message); also the index the access check
-- (who may see a chat photo) and the foreign key's SET NULL use.
CREATE UNIQUE INDEX messages_media_key ON messages (media_id) WHERE media_id IS NOT NULL;

-- Soft-deletes post $1 of author $2; returns its photos (to release them).
UPDATE posts SET deleted_at = now()
WHERE id = $1::uuid AND author_id = $2::uuid AND deleted_at IS NULL
RETURNING ARRAY(SELECT pm.media_id::text FROM post_media pm WHERE pm.post_id = posts.id)

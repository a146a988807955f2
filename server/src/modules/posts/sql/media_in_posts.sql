-- Which of the photos $1 (uuid[]) are already in a post.
SELECT media_id FROM post_media WHERE media_id = ANY ($1::uuid[])

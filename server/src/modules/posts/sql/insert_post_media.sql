-- Post $1's photos $2 (uuid[]) in their order.
INSERT INTO post_media (post_id, media_id, position)
SELECT $1::uuid, t.media_id, t.ord - 1
FROM unnest($2::uuid[]) WITH ORDINALITY AS t(media_id, ord)

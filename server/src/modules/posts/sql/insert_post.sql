-- A new post of $1 at its author's master location (NULL when the author has none).
INSERT INTO posts (author_id, text, category_id, service_id, location)
SELECT $1::uuid, $2, $3::uuid, $4::uuid, (SELECT m.location FROM masters m WHERE m.user_id = $1::uuid)
RETURNING id

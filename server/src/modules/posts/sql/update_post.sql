-- Changes post $1 of author $2: text $3 (NULL: unchanged), category $5 when $4, service $7 when $6.
UPDATE posts
SET text = coalesce($3, text),
    category_id = CASE WHEN $4::bool THEN $5::uuid ELSE category_id END,
    service_id = CASE WHEN $6::bool THEN $7::uuid ELSE service_id END,
    edited_at = now()
WHERE id = $1::uuid AND author_id = $2::uuid AND deleted_at IS NULL
RETURNING id

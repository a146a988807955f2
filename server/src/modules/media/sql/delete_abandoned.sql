-- Deletes a clean-up candidate unless something attached it meanwhile (attach locks the row).
DELETE FROM media WHERE id = $1::uuid AND attached_at IS NULL AND created_at < $2::timestamptz - interval '24 hours'
RETURNING id

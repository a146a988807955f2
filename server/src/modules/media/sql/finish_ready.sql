-- $1 id, $2 detected type, $3 width, $4 height, $5 placeholder, $6 variants (json)
UPDATE media SET status = 'ready', detected_type = $2, width = $3::int, height = $4::int, placeholder = $5,
       variants = $6::jsonb, lease_until = NULL, ready_at = now()
WHERE id = $1::uuid AND status = 'processing'

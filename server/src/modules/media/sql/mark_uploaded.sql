UPDATE media SET received_bytes = $2::bigint, uploaded_at = now() WHERE id = $1::uuid AND status = 'pending'

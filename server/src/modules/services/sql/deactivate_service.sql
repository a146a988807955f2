UPDATE master_services SET active = false, updated_at = now()
WHERE id = $1::uuid AND master_id = $2::uuid

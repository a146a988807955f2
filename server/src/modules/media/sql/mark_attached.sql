UPDATE media SET attached_at = coalesce(attached_at, now()) WHERE id = $1::uuid

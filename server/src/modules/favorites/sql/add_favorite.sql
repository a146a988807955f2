INSERT INTO favorite_masters (user_id, master_id) VALUES ($1::uuid, $2::uuid) ON CONFLICT DO NOTHING

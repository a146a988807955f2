-- Idempotent.
INSERT INTO mutes (user_id, muted_id) VALUES ($1::uuid, $2::uuid)
ON CONFLICT (user_id, muted_id) DO NOTHING

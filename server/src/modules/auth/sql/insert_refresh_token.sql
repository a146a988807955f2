INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
VALUES ($1::uuid, $2::uuid, $3, now() + make_interval(days => $4::int))

-- A push went to token $1 of user $2.
UPDATE devices SET last_used_at = now() WHERE token = $1::text AND user_id = $2::uuid

-- $5 is the application's now: expiry is decided by its clock, not the database's.
INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
VALUES ($1::uuid, $2::uuid, $3, $5::timestamptz + make_interval(days => $4::int))

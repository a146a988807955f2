-- Deletes up to $2 refresh tokens that expired before $1: past expiry a token is refused
-- whatever its row says, so the row only takes space.
DELETE FROM refresh_tokens
WHERE id IN (SELECT id FROM refresh_tokens WHERE expires_at < $1::timestamptz LIMIT $2::int)

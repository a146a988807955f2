INSERT INTO booking_idempotency_keys (user_id, key, request_hash)
VALUES ($1::uuid, $2, $3)
ON CONFLICT (user_id, key) DO NOTHING
RETURNING 1

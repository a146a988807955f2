-- Forgets Idempotency-Keys used before $1 (a retry comes within seconds, not days); up to $2.
DELETE FROM booking_idempotency_keys
WHERE (user_id, key) IN (SELECT user_id, key FROM booking_idempotency_keys
                         WHERE created_at < $1::timestamptz LIMIT $2::int)

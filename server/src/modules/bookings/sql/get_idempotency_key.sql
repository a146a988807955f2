SELECT request_hash, booking_id FROM booking_idempotency_keys WHERE user_id = $1::uuid AND key = $2

UPDATE booking_idempotency_keys SET booking_id = $3::uuid WHERE user_id = $1::uuid AND key = $2

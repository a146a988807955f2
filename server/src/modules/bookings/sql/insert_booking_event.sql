INSERT INTO booking_events (booking_id, type, actor_id, payload) VALUES ($1::uuid, $2, $3::uuid, $4::jsonb)

UPDATE bookings SET status = $2, cancel_reason = $3, cancelled_by = $4::uuid, updated_at = now()
WHERE id = $1::uuid

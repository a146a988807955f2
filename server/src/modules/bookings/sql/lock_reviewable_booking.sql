-- The caller's own booking, locked while the review is written.
SELECT b.id, b.status, b.master_id FROM bookings b
WHERE b.id = $1::uuid AND b.client_id = $2::uuid
FOR UPDATE

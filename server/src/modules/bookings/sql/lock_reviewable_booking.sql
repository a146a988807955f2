-- The caller's own booking, locked while the review is written; with its master's user.
SELECT b.id, b.status, b.master_id, m.user_id, b.service_name FROM bookings b JOIN masters m ON m.id = b.master_id
WHERE b.id = $1::uuid AND b.client_id = $2::uuid
FOR UPDATE OF b

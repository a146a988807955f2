-- The booking as JSON, visible only to its two parties ($2 = the caller's user id).
SELECT json_build_object(
    'id', b.id, 'status', b.status,
    'client', json_build_object('id', u.id, 'name', u.name),
    'master', json_build_object('id', m.id, 'display_name', m.display_name, 'timezone', m.timezone),
    'service', json_build_object('id', b.service_id, 'name', b.service_name),
    'start_at', to_char(b.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'end_at', to_char(b.end_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'price_minor', b.price_minor, 'currency', b.currency, 'comment', b.comment,
    'cancel_reason', b.cancel_reason,
    'created_at', to_char(b.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'review_id', (SELECT r.id FROM reviews r WHERE r.booking_id = b.id))::text
FROM bookings b JOIN users u ON u.id = b.client_id JOIN masters m ON m.id = b.master_id
WHERE b.id = $1::uuid AND (b.client_id = $2::uuid OR m.user_id = $2::uuid)

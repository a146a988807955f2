-- $1 'client' | 'master', $2 caller, $3 statuses (text[]) or NULL, $4 from or NULL, $5 to or NULL,
-- $6/$7 cursor (start_at, id) or NULL, $8 limit + 1. Ordered by start time.
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
    'review_id', (SELECT r.id FROM reviews r WHERE r.booking_id = b.id))::text,
    to_char(b.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), b.id
FROM bookings b JOIN users u ON u.id = b.client_id JOIN masters m ON m.id = b.master_id
WHERE CASE WHEN $1 = 'client' THEN b.client_id = $2::uuid ELSE m.user_id = $2::uuid END
  AND ($3::text[] IS NULL OR b.status = ANY ($3::text[]))
  AND ($4::timestamptz IS NULL OR b.start_at >= $4::timestamptz)
  AND ($5::timestamptz IS NULL OR b.start_at < $5::timestamptz)
  AND ($6::timestamptz IS NULL OR (b.start_at, b.id) > ($6::timestamptz, $7::uuid))
ORDER BY b.start_at, b.id
LIMIT $8::int

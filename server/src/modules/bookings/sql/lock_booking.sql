-- Locks the booking for a state change; only its parties find it. $3 is the application's now.
SELECT b.id, b.status, b.client_id, m.user_id, b.master_id,
       extract(epoch FROM b.end_at - b.start_at)::int / 60 AS duration_min,
       b.start_at <= $3::timestamptz AS started, m.buffer_min, m.timezone,
       to_char(b.start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM bookings b JOIN masters m ON m.id = b.master_id
WHERE b.id = $1::uuid AND (b.client_id = $2::uuid OR m.user_id = $2::uuid)
FOR UPDATE OF b

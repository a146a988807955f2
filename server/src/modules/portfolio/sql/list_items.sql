-- A master's portfolio in order.
SELECT id::text, media_id::text, caption, service_id::text, position,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM portfolio_items WHERE master_id = $1::uuid ORDER BY position, created_at

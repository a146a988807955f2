INSERT INTO portfolio_items (master_id, media_id, caption, service_id, position)
VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5::int)
RETURNING id::text, media_id::text, caption, service_id::text, position,
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')

INSERT INTO friend_requests (from_id, to_id) VALUES ($1::uuid, $2::uuid)
RETURNING id::text, from_id::text, to_id::text, status,
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')

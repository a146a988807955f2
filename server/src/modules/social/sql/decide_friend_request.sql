-- A pending request becomes $2 (accepted | declined | cancelled); no row when it is not pending.
UPDATE friend_requests SET status = $2, decided_at = now()
WHERE id = $1::uuid AND status = 'pending'
RETURNING id::text, from_id::text, to_id::text, status,
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')

-- The pending request between $1 and $2, whoever sent it (at most one: friend_requests_pending_pair).
SELECT id::text, from_id::text, to_id::text, status,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM friend_requests
WHERE status = 'pending'
  AND least(from_id, to_id) = least($1::uuid, $2::uuid)
  AND greatest(from_id, to_id) = greatest($1::uuid, $2::uuid)

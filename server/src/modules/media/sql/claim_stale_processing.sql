-- Media whose processing node stopped renewing its lease (a crash): taken over, a few at a time.
-- $1 = now, $2 = the new lease's end, $3 = how many
UPDATE media SET lease_until = $2::timestamptz, attempts = attempts + 1
WHERE id IN (SELECT id FROM media WHERE status = 'processing' AND lease_until < $1::timestamptz
             ORDER BY lease_until LIMIT $3::int FOR UPDATE SKIP LOCKED)
RETURNING id::text, attempts

-- Cancels an unfinished job. A running one keeps running to its end, but its outcome is dropped.
-- $1 = id
UPDATE jobs SET state = 'cancelled', finished_at = clock_timestamp(), lease_until = NULL
WHERE id = $1::bigint AND state IN ('scheduled', 'available', 'running', 'retryable')
RETURNING id

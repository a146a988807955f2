-- Cancels the unfinished job holding a unique key (at most one: the key's unique index).
-- $1 = unique key
UPDATE jobs SET state = 'cancelled', finished_at = clock_timestamp(), lease_until = NULL
WHERE unique_key = $1::text AND state IN ('scheduled', 'available', 'running', 'retryable')
RETURNING id

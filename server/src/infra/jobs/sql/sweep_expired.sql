-- Running jobs whose worker stopped renewing the lease (it died): available again at once, or
-- discarded when that was the last attempt; the lost attempt is recorded as an error.
-- $1 = now, $2 = how many at most
UPDATE jobs SET
    state = CASE WHEN attempt >= max_attempts THEN 'discarded' ELSE 'available' END,
    finished_at = CASE WHEN attempt >= max_attempts THEN clock_timestamp() END,
    errors = errors || jsonb_build_array(jsonb_build_object(
        'attempt', attempt, 'at', clock_timestamp(),
        'error', 'lease expired: worker ' || COALESCE(locked_by, '?') || ' stopped renewing it')),
    lease_until = NULL
WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND lease_until < $1::timestamptz
             ORDER BY lease_until LIMIT $2::int FOR UPDATE SKIP LOCKED)
RETURNING id, kind, state

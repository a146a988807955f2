-- Runs a waiting or finished-but-unsuccessful job again now, with at least one attempt left.
-- $1 = id
WITH retried AS (
    UPDATE jobs SET state = 'available', run_at = clock_timestamp(), finished_at = NULL, lease_until = NULL,
                    max_attempts = greatest(max_attempts, attempt + 1)
    WHERE id = $1::bigint AND state IN ('scheduled', 'retryable', 'discarded', 'cancelled')
    RETURNING id, kind
)
SELECT r.id FROM retried r, LATERAL (SELECT pg_notify('service_jobs', r.kind)) n

-- Shutdown: jobs still running when the grace period ended go back to available for another
-- worker, and the interrupted attempt does not count.
-- $1 = ids, $2 = worker
UPDATE jobs SET state = 'available', attempt = greatest(attempt - 1, 0), lease_until = NULL
WHERE id = ANY ($1::bigint[]) AND state = 'running' AND locked_by = $2::text
RETURNING id

-- The attempt succeeded. Only the worker that holds this attempt may finish it: a job that was
-- cancelled, released or taken over meanwhile is left alone.
-- $1 = id, $2 = worker, $3 = attempt
UPDATE jobs SET state = 'completed', finished_at = clock_timestamp(), lease_until = NULL
WHERE id = $1::bigint AND state = 'running' AND locked_by = $2::text AND attempt = $3::int

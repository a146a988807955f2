-- The attempt failed: its error is appended, then the job waits for its backoff (retryable) or,
-- out of attempts or refused by its handler, is discarded with every error kept.
-- $1 = id, $2 = worker, $3 = attempt, $4 = error, $5 = when to retry, $6 = discard now
UPDATE jobs SET
    state = CASE WHEN $6::bool OR attempt >= max_attempts THEN 'discarded' ELSE 'retryable' END,
    run_at = CASE WHEN $6::bool OR attempt >= max_attempts THEN run_at ELSE $5::timestamptz END,
    finished_at = CASE WHEN $6::bool OR attempt >= max_attempts THEN clock_timestamp() END,
    errors = errors || jsonb_build_array(jsonb_build_object('attempt', attempt, 'at', clock_timestamp(), 'error', $4::text)),
    lease_until = NULL
WHERE id = $1::bigint AND state = 'running' AND locked_by = $2::text AND attempt = $3::int
RETURNING state

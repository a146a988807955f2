-- Jobs by kind and state for /metrics, except completed ones (the bulk of the table).
SELECT kind, state, count(*)::bigint
FROM jobs
WHERE state IN ('scheduled', 'available', 'running', 'retryable', 'discarded', 'cancelled')
GROUP BY kind, state

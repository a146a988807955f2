-- Jobs for `service-server jobs list`, newest first.
-- $1 = state or NULL, $2 = kind or NULL, $3 = limit
SELECT id, kind, state, priority, attempt, max_attempts,
       to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS run_at,
       unique_key, locked_by, errors -> -1 ->> 'error' AS last_error, payload::text AS payload
FROM jobs
WHERE ($1::text IS NULL OR state = $1::text) AND ($2::text IS NULL OR kind = $2::text)
ORDER BY id DESC
LIMIT $3::int

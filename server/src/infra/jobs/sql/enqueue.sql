-- A new job, inside the caller's transaction. A unique key held by an unfinished job returns that
-- job instead (the no-op update locks it and makes RETURNING see it). The NOTIFY that wakes idle
-- workers is sent after the caller commits (db::Executor::notify_after_commit), not from here.
-- $1 = kind, $2 = payload, $3 = run_at (NULL: now), $4 = priority, $5 = max attempts, $6 = unique key
WITH upserted AS (
    INSERT INTO jobs (kind, payload, state, priority, run_at, max_attempts, unique_key)
    VALUES ($1::text, $2::jsonb, CASE WHEN $3::timestamptz IS NULL THEN 'available' ELSE 'scheduled' END,
            $4::smallint, COALESCE($3::timestamptz, clock_timestamp()), $5::int, $6::text)
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN ('scheduled', 'available', 'running', 'retryable')
    DO UPDATE SET unique_key = EXCLUDED.unique_key
    RETURNING id, xmax = 0 AS inserted
)
SELECT id, inserted FROM upserted

-- Takes one slot of a periodic job: the node whose insert wins enqueues the slot's job (with a
-- unique key as a second guard); everyone else gets no row. One statement, so a slot is never
-- taken without its job.
-- $1 = kind, $2 = slot start, $3 = payload, $4 = unique key, $5 = max attempts
WITH slot AS (
    INSERT INTO job_periodic_runs (kind, slot_start) VALUES ($1::text, $2::timestamptz)
    ON CONFLICT DO NOTHING
    RETURNING kind
), job AS (
    INSERT INTO jobs (kind, payload, state, run_at, max_attempts, unique_key)
    SELECT $1::text, $3::jsonb, 'available', clock_timestamp(), $5::int, $4::text FROM slot
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN ('scheduled', 'available', 'running', 'retryable')
    DO NOTHING
    RETURNING id
)
SELECT job.id FROM job, LATERAL (SELECT pg_notify('service_jobs', $1::text)) n

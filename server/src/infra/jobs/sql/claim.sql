-- Claims up to n[i] runnable jobs of kind[i] for this worker: running, one more attempt, a lease.
-- Rows other workers are claiming are skipped, so workers never wait for each other. Also returns
-- when the earliest not yet due job of these kinds is due (the only row when nothing was claimed),
-- and for a first attempt how long it waited since it became runnable.
-- $1 = kinds to claim, $2 = how many of each, $3 = now, $4 = the lease's end, $5 = worker,
-- $6 = every kind this worker handles
WITH picked AS MATERIALIZED (
    SELECT j.id, j.state AS was
    FROM unnest($1::text[], $2::int[]) AS k(kind, n)
    CROSS JOIN LATERAL (
        SELECT id, state FROM jobs
        WHERE jobs.kind = k.kind AND state IN ('scheduled', 'available', 'retryable')
          AND (state = 'available' OR run_at <= $3::timestamptz)
        ORDER BY priority, run_at, id
        LIMIT k.n
        FOR UPDATE SKIP LOCKED) j
), claimed AS (
    UPDATE jobs SET state = 'running', attempt = attempt + 1, lease_until = $4::timestamptz, locked_by = $5::text,
                    started_at = clock_timestamp()
    -- By primary key: joining `picked` made the planner expect thousands of rows and scan the
    -- whole table (bench/jobs-bench, EXPLAIN in its results).
    WHERE jobs.id = ANY (ARRAY(SELECT id FROM picked))
    RETURNING jobs.id, jobs.kind, jobs.payload::text AS payload, jobs.attempt, jobs.max_attempts, jobs.unique_key,
              CASE (SELECT p.was FROM picked p WHERE p.id = jobs.id)
                  WHEN 'available' THEN extract(epoch FROM clock_timestamp() - jobs.created_at)
                  WHEN 'scheduled' THEN greatest(0, extract(epoch FROM $3::timestamptz - jobs.run_at))
              END::float8 AS waited
), next AS (
    -- The earliest future job per kind, one index probe each (jobs_due), however many are queued.
    SELECT (extract(epoch FROM min(d.run_at)) * 1000000)::bigint AS next_run_us
    FROM unnest($6::text[]) AS k(kind)
    CROSS JOIN LATERAL (
        SELECT run_at FROM jobs
        WHERE jobs.kind = k.kind AND state IN ('scheduled', 'retryable') AND run_at > $3::timestamptz
        ORDER BY run_at
        LIMIT 1) d
)
SELECT c.id, c.kind, c.payload, c.attempt, c.max_attempts, c.unique_key, c.waited, next.next_run_us
FROM next LEFT JOIN claimed c ON true

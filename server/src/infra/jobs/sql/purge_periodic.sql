-- Slots of periodic jobs taken longer ago than the retention are no longer needed to dedupe.
-- $1 = retention in seconds, $2 = batch size
DELETE FROM job_periodic_runs
WHERE (kind, slot_start) IN (SELECT kind, slot_start FROM job_periodic_runs
                             WHERE created_at < clock_timestamp() - make_interval(secs => $1::float8)
                             LIMIT $2::int)

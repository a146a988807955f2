-- One batch of the purge: finished jobs older than the retention (by the database's clock).
-- $1 = retention in seconds, $2 = batch size
DELETE FROM jobs
WHERE id IN (SELECT id FROM jobs
             WHERE state IN ('completed', 'discarded', 'cancelled')
               AND finished_at < clock_timestamp() - make_interval(secs => $1::float8)
             ORDER BY finished_at LIMIT $2::int FOR UPDATE SKIP LOCKED)

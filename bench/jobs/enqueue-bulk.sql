-- bench/jobs-bench: :n jobs of kind :kind in one transaction, one multi-row INSERT … SELECT with
-- the columns sql/enqueue.sql writes for a job without run_at or unique key (state available,
-- priority 0, run_at = clock_timestamp(), max_attempts 20), then one NOTIFY, as the server's
-- enqueue sends for each job; PostgreSQL delivers it on commit. Prints the commit time
-- (the database's clock, read right after COMMIT).
-- With analyze on, ANALYZE runs in the same transaction (it counts the transaction's own new
-- rows), so the workers' first claim is planned with statistics that describe the table as it
-- now is, as autovacuum's ANALYZE would soon make them; off, the statistics are those of the
-- table before the insert (in the benchmark: almost empty).
-- psql variables: n, kind, payload (a JSON text), analyze (on | off)
BEGIN;
INSERT INTO jobs (kind, payload, state, priority, run_at, max_attempts, unique_key)
SELECT :'kind', :'payload'::jsonb, 'available', 0, clock_timestamp(), 20, NULL
FROM generate_series(1, :n);
\if :analyze
ANALYZE jobs;
\endif
SELECT pg_notify('service_jobs', :'kind');
COMMIT;
SELECT clock_timestamp();

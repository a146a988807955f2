-- bench/jobs-bench: EXPLAIN (ANALYZE, BUFFERS) of the runner's claim and complete statements,
-- prepared with the parameter types the server binds, on a queue of :n available no-op jobs
-- (no node running). The driver defines the psql variables claim_sql and complete_sql (the
-- statements of server/src/infra/jobs/sql/ without their comments) and n.
\pset pager off
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DELETE FROM jobs WHERE kind = 'system.noop';
INSERT INTO jobs (kind, payload, state, priority, run_at, max_attempts)
SELECT 'system.noop', '{}', 'available', 0, clock_timestamp(), 20 FROM generate_series(1, :n);
VACUUM (ANALYZE) jobs;
\echo '### the jobs table (earlier runs may have left finished jobs of other kinds)'
SELECT kind, state, count(*) FROM jobs GROUP BY 1, 2 ORDER BY 1, 2;
PREPARE bench_claim(text[], int[], timestamptz, timestamptz, text, text[]) AS :claim_sql;
PREPARE bench_complete(bigint, text, int) AS :complete_sql;

\echo '### claim 32 of' :n 'available jobs (a fresh queue)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
EXECUTE bench_claim('{system.noop}', '{32}', now(), now() + interval '30 s', 'jbench-explain.1', '{system.noop,maintenance.purge_jobs}');
SELECT min(id) AS id FROM jobs WHERE locked_by = 'jbench-explain.1' \gset
\echo '### complete one of them'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE bench_complete(:id, 'jbench-explain.1', 1);
ROLLBACK;

\echo '### the same claim as a generic plan (what a pooled connection may switch to after five executions)'
SET plan_cache_mode = force_generic_plan;
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
EXECUTE bench_claim('{system.noop}', '{32}', now(), now() + interval '30 s', 'jbench-explain.1', '{system.noop,maintenance.purge_jobs}');
ROLLBACK;
RESET plan_cache_mode;

-- Half of the queue worked off and committed, as in the middle of a bulk run: claimed (running,
-- with a lease), then completed, each step committed as the runner commits it. The claim index
-- still holds an entry for each of those rows, and the lease index one for each that was
-- running, until VACUUM removes them (or a scan finds them dead to everyone and marks them).
UPDATE jobs SET state = 'running', attempt = 1, started_at = clock_timestamp(), lease_until = now() + interval '30 s',
                locked_by = 'jbench-explain.0'
WHERE kind = 'system.noop' AND id IN (SELECT id FROM jobs WHERE kind = 'system.noop' ORDER BY id LIMIT :n / 2);
UPDATE jobs SET state = 'completed', finished_at = clock_timestamp(), lease_until = NULL
WHERE kind = 'system.noop' AND state = 'running' AND locked_by = 'jbench-explain.0';
\echo '### claim 32 after half of the jobs were completed (the first scan over the dead index entries)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
EXECUTE bench_claim('{system.noop}', '{32}', now(), now() + interval '30 s', 'jbench-explain.2', '{system.noop,maintenance.purge_jobs}');
ROLLBACK;
\echo '### the same claim again (the first scan marked those entries dead)'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
EXECUTE bench_claim('{system.noop}', '{32}', now(), now() + interval '30 s', 'jbench-explain.3', '{system.noop,maintenance.purge_jobs}');
SELECT min(id) AS id FROM jobs WHERE locked_by = 'jbench-explain.3' \gset
\echo '### complete one of them (the lease index now also holds an entry for each of the completed half)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE bench_complete(:id, 'jbench-explain.3', 1);
\echo '### and again, for the next job (the first complete marked those entries dead)'
SELECT min(id) + 1 AS id FROM jobs WHERE locked_by = 'jbench-explain.3' \gset
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE bench_complete(:id, 'jbench-explain.3', 1);
ROLLBACK;
DELETE FROM jobs WHERE kind = 'system.noop';

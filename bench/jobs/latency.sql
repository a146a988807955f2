-- bench/jobs-bench: enqueue -> start of jobs enqueued one at a time into idle nodes:
-- started_at (set by sql/claim.sql) - created_at (set by the insert), both the database's
-- clock_timestamp(), so one clock; the same figure the server's jobs_enqueue_to_start_seconds
-- histogram records. psql variable: kind.
-- One line: jobs|started|mean gap between enqueues ms|p50 ms|p95|p99|max|mean|by node
WITH j AS (
    SELECT created_at, started_at, split_part(locked_by, '.', 1) AS node,
           extract(epoch FROM started_at - created_at) * 1000 AS ms
    FROM jobs WHERE kind = :'kind'
), p AS (
    SELECT percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms) AS p FROM j WHERE started_at IS NOT NULL
), nodes AS (
    SELECT string_agg(node || ': ' || n, ', ' ORDER BY node) AS by_node
    FROM (SELECT node, count(*) AS n FROM j WHERE started_at IS NOT NULL GROUP BY node) x
)
SELECT count(*), count(started_at),
       round((extract(epoch FROM max(created_at) - min(created_at)) * 1000 / nullif(count(*) - 1, 0))::numeric, 2),
       round(p.p[1]::numeric, 2), round(p.p[2]::numeric, 2), round(p.p[3]::numeric, 2),
       round(max(ms)::numeric, 2), round(avg(ms)::numeric, 2), nodes.by_node
FROM j, p, nodes
GROUP BY p.p, nodes.by_node

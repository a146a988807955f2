-- bench/jobs-bench: the figures of one throughput scenario, from the jobs' own timestamps
-- (created_at, started_at and finished_at are all the database's clock_timestamp()).
-- psql variables: kind, from (when the jobs became visible: the bulk insert's commit, or when
-- the one-per-transaction enqueues began).
-- One line: jobs|completed|from->last finish s|first start->last finish s|first-half jobs/s|
--           second-half jobs/s|last enqueue->last finish s|wait p50 ms|p95|p99|max|by node
WITH j AS (
    SELECT created_at, started_at, finished_at, state, split_part(locked_by, '.', 1) AS node,
           extract(epoch FROM started_at - created_at) * 1000 AS wait_ms
    FROM jobs WHERE kind = :'kind'
), f AS (
    SELECT finished_at, row_number() OVER (ORDER BY finished_at) AS rn, count(*) OVER () AS n
    FROM j WHERE state = 'completed'
), half AS (
    SELECT max(finished_at) FILTER (WHERE rn = n / 2) AS at, max(n) AS n FROM f
), s AS (
    SELECT count(*) AS jobs, count(*) FILTER (WHERE state = 'completed') AS completed,
           min(started_at) AS first_start, max(finished_at) AS last_finish, max(created_at) AS last_created,
           percentile_disc(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY wait_ms) AS p, max(wait_ms) AS wait_max
    FROM j
), nodes AS (
    SELECT string_agg(node || ': ' || n, ', ' ORDER BY node) AS by_node
    FROM (SELECT node, count(*) AS n FROM j WHERE state = 'completed' GROUP BY node) x
)
SELECT s.jobs, s.completed,
       round(extract(epoch FROM s.last_finish - :'from'::timestamptz)::numeric, 3),
       round(extract(epoch FROM s.last_finish - s.first_start)::numeric, 3),
       round(((half.n / 2) / nullif(extract(epoch FROM half.at - :'from'::timestamptz), 0))::numeric, 0),
       round(((half.n - half.n / 2) / nullif(extract(epoch FROM s.last_finish - half.at), 0))::numeric, 0),
       round(extract(epoch FROM s.last_finish - s.last_created)::numeric, 3),
       round(s.p[1]::numeric, 2), round(s.p[2]::numeric, 2), round(s.p[3]::numeric, 2), round(s.wait_max::numeric, 2),
       nodes.by_node
FROM s, half, nodes

-- bench/jobs-bench: the outcome of the chaos run. psql variables: kind, killed (the NODE_ID of
-- the node that was SIGKILLed), killed_at (the database's clock right after the kill).
-- One line: jobs|completed|discarded|unfinished|attempt > 1|with errors|first attempt lost with
--           the killed node's lease|max attempt|first created -> last finish s|kill -> last rerun
--           finished s|completed by node|states
WITH j AS (SELECT * FROM jobs WHERE kind = :'kind'),
nodes AS (
    SELECT string_agg(node || ': ' || n, ', ' ORDER BY node) AS by_node
    FROM (SELECT split_part(locked_by, '.', 1) AS node, count(*) AS n FROM j WHERE state = 'completed' GROUP BY 1) x
),
states AS (
    SELECT string_agg(state || ': ' || n, ', ' ORDER BY state) AS states
    FROM (SELECT state, count(*) AS n FROM j GROUP BY state) x
)
SELECT count(*),
       count(*) FILTER (WHERE state = 'completed'),
       count(*) FILTER (WHERE state = 'discarded'),
       count(*) FILTER (WHERE state NOT IN ('completed', 'discarded', 'cancelled')),
       count(*) FILTER (WHERE attempt > 1),
       count(*) FILTER (WHERE jsonb_array_length(errors) > 0),
       count(*) FILTER (WHERE errors -> 0 ->> 'error' LIKE 'lease expired: worker ' || :'killed' || '.%'),
       max(attempt),
       round(extract(epoch FROM max(finished_at) - min(created_at))::numeric, 2),
       coalesce(round(extract(epoch FROM max(finished_at) FILTER (WHERE attempt > 1) - :'killed_at'::timestamptz)::numeric, 2)::text, '-'),
       nodes.by_node, states.states
FROM j, nodes, states
GROUP BY nodes.by_node, states.states

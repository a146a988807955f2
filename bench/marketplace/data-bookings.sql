-- Marketplace benchmark data, part 2: bookings. Runs after data-masters.sql:
--
--   psql -X -v ON_ERROR_STOP=1 -v bookings=1000000 -v past_days=300 -v future_days=60 \
--        -v seed=0.42 -f data-bookings.sql
--
-- The visits never overlap, by construction, so the exclusion constraint bookings_no_overlap
-- holds without retries: every master's visits sit on a lattice of one-hour cells,
-- 9 per working day (10, 11, 12, 13, 15, 16, 17, 18 and 19 o'clock Moscow time, i.e. inside
-- the weekly hours of data-masters.sql), on the working days (Monday to Saturday) from
-- past_days ago to future_days - 1 ahead. A master with n visits and S cells gets cell
--   floor(k * S / n) + floor(random() * floor(S / n))      for k = 0 .. n - 1,
-- which are strictly increasing, hence distinct. A visit is the master's 60-minute service
-- (70 %) or the 30-minute one at :00 or :30 (30 %), so it stays inside its cell; the masters
-- have buffer_min = 0. The visits are spread evenly over the masters (bookings / masters
-- each, the remainder one more).
--
-- Status: in the past 88 % completed, 8 % cancelled, 4 % no-show; in the future 65 %
-- confirmed, 25 % pending, 10 % cancelled. Clients are picked at random. No booking_events
-- rows are written: neither the slot computation nor the search reads them.

\set ON_ERROR_STOP on
SELECT setseed(:seed) \gset

-- Working days, numbered from 0, in Moscow local dates.
CREATE TEMP TABLE bench_days AS
SELECT (row_number() OVER (ORDER BY d) - 1)::int AS idx, d::date AS day
FROM generate_series((now() AT TIME ZONE 'Europe/Moscow')::date - :past_days,
                     (now() AT TIME ZONE 'Europe/Moscow')::date + :future_days - 1, interval '1 day') d
WHERE extract(isodow FROM d) <> 7;
CREATE UNIQUE INDEX ON bench_days (idx);

CREATE TEMP TABLE bench_clients AS
SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id
FROM users WHERE email LIKE 'bench-client-%@bench.invalid';
CREATE UNIQUE INDEX ON bench_clients (idx);

CREATE TEMP TABLE bench_masters AS
SELECT m.idx, m.id,
       (:bookings / count(*) OVER ())::int + CASE WHEN m.idx < :bookings % count(*) OVER () THEN 1 ELSE 0 END AS visits
FROM (SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, id FROM masters) m;

SELECT count(*) * 9 AS cells FROM bench_days \gset
SELECT count(*) AS n_clients FROM bench_clients \gset
SELECT coalesce(max(visits), 0) AS max_visits FROM bench_masters \gset
SELECT :max_visits > :cells AS too_many \gset
\if :too_many
    \echo 'data-bookings.sql: ' :max_visits ' visits per master do not fit into ' :cells ' one-hour cells; use fewer bookings or more masters'
    DO $$ BEGIN RAISE EXCEPTION 'too many bookings per master (see the line above)'; END $$;
\endif

-- One row per visit: which cell, and the random numbers that decide the rest.
CREATE TEMP TABLE bench_visits AS
SELECT m.id AS master_id,
       floor(k::numeric * :cells / m.visits)::int + floor(random() * floor(:cells::numeric / m.visits))::int AS cell,
       random() AS r_service, random() AS r_half, random() AS r_status, random() AS r_client, random() AS r_created
FROM bench_masters m, generate_series(0, m.visits - 1) k;

-- Prices and names are snapshots of the service, as the API writes them.
INSERT INTO bookings (master_id, client_id, service_id, service_name, price_minor, currency,
                      start_at, end_at, busy, status, cancel_reason, cancelled_by, created_at, updated_at)
SELECT v.master_id, c.id, s.id, s.name, s.price_minor, s.currency,
       t.start_at, t.start_at + make_interval(mins => s.duration_min),
       tstzrange(t.start_at, t.start_at + make_interval(mins => s.duration_min)),
       st.status,
       CASE WHEN st.status = 'cancelled' THEN 'Планы изменились' END,
       CASE WHEN st.status = 'cancelled' THEN c.id END,
       least(now(), t.start_at - make_interval(hours => 2 + floor(v.r_created * 24 * 20)::int)),
       least(now(), t.start_at)
FROM bench_visits v
JOIN bench_days d ON d.idx = v.cell / 9
JOIN bench_clients c ON c.idx = floor(v.r_client * :n_clients)::int
JOIN master_services s ON s.master_id = v.master_id AND s.duration_min = CASE WHEN v.r_service < 0.3 THEN 30 ELSE 60 END
CROSS JOIN LATERAL (
    SELECT ((d.day + make_interval(hours => (ARRAY[10, 11, 12, 13, 15, 16, 17, 18, 19])[v.cell % 9 + 1],
                                   mins => CASE WHEN s.duration_min = 30 AND v.r_half < 0.5 THEN 30 ELSE 0 END))
            AT TIME ZONE 'Europe/Moscow') AS start_at) t
CROSS JOIN LATERAL (
    SELECT CASE WHEN t.start_at < now()
                THEN CASE WHEN v.r_status < 0.88 THEN 'completed' WHEN v.r_status < 0.96 THEN 'cancelled' ELSE 'no_show' END
                ELSE CASE WHEN v.r_status < 0.65 THEN 'confirmed' WHEN v.r_status < 0.90 THEN 'pending' ELSE 'cancelled' END
           END AS status) st
ORDER BY v.master_id, v.cell;

SELECT count(*) AS inserted FROM bookings \gset
\echo 'data-bookings.sql: ' :inserted ' bookings'

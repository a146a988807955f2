-- booking_slots() with "now" as a parameter: the minimum notice and the horizon are measured
-- from the application's clock, not the database's, so the server decides every rule with one
-- clock (and tests can move it). The five-argument version from 0006 stays for servers of the
-- previous release during a rolling deploy; nothing in this release calls it.
CREATE FUNCTION booking_slots(p_master uuid, p_duration integer, p_from date, p_to date, p_ignore uuid,
                              p_now timestamptz)
RETURNS TABLE (start_at timestamptz, end_at timestamptz, local_start text)
LANGUAGE sql STABLE AS $$
    WITH m AS (
        SELECT id, timezone, min_notice_min, horizon_days, slot_step_min, buffer_min, max_per_day
        FROM masters WHERE id = p_master
    ),
    active AS (
        SELECT b.busy, (b.start_at AT TIME ZONE m.timezone)::date AS day
        FROM bookings b, m
        WHERE b.master_id = m.id AND b.status IN ('pending', 'confirmed')
          AND b.id IS DISTINCT FROM p_ignore
          AND b.busy && tstzrange((p_from - 1)::timestamp AT TIME ZONE m.timezone,
                                  (p_to + 2)::timestamp AT TIME ZONE m.timezone)
    ),
    candidates AS (
        SELECT w.day, s AS start_at, s + make_interval(mins => p_duration) AS end_at
        FROM schedule_working_intervals(p_master, p_from, p_to) w, m,
             generate_series(w.starts_at, w.ends_at - make_interval(mins => p_duration),
                             make_interval(mins => m.slot_step_min)) s
    )
    SELECT DISTINCT c.start_at, c.end_at, to_char(c.start_at AT TIME ZONE m.timezone, 'YYYY-MM-DD"T"HH24:MI')
    FROM candidates c, m
    WHERE c.start_at >= p_now + make_interval(mins => m.min_notice_min)
      AND c.start_at < p_now + make_interval(days => m.horizon_days)
      AND NOT EXISTS (SELECT 1 FROM active a
                      WHERE a.busy && tstzrange(c.start_at, c.end_at + make_interval(mins => m.buffer_min)))
      AND (m.max_per_day IS NULL OR (SELECT count(*) FROM active a WHERE a.day = c.day) < m.max_per_day)
    ORDER BY c.start_at
$$;

-- schedule module: weekly working intervals and per-date exceptions, in the master's own
-- wall-clock time (masters.timezone).
CREATE TABLE master_schedule (
    master_id  uuid NOT NULL REFERENCES masters (id) ON DELETE CASCADE,
    weekday    smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),  -- ISO: Monday = 1
    start_time time NOT NULL,
    end_time   time NOT NULL,
    CHECK (start_time < end_time),
    PRIMARY KEY (master_id, weekday, start_time)
);

CREATE TABLE schedule_exceptions (
    master_id  uuid NOT NULL REFERENCES masters (id) ON DELETE CASCADE,
    day        date NOT NULL,
    -- Empty means a day off.
    intervals  jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (master_id, day)
);

-- The working intervals of a master between two local dates, as UTC ranges. The conversion
-- from wall-clock time happens here, with PostgreSQL's tz database, so daylight-saving days
-- come out right (10:00 local stays 10:00 local on both sides of a change).
CREATE FUNCTION schedule_working_intervals(p_master uuid, p_from date, p_to date)
RETURNS TABLE (day date, starts_at timestamptz, ends_at timestamptz)
LANGUAGE sql STABLE AS $$
    WITH m AS (SELECT timezone FROM masters WHERE id = p_master),
    days AS (SELECT d::date AS day FROM generate_series(p_from, p_to, interval '1 day') d),
    local AS (
        SELECT days.day, w.start_time, w.end_time
        FROM days
        JOIN master_schedule w ON w.master_id = p_master AND w.weekday = extract(isodow FROM days.day)
        WHERE NOT EXISTS (SELECT 1 FROM schedule_exceptions e WHERE e.master_id = p_master AND e.day = days.day)
        UNION ALL
        SELECT e.day, (i ->> 'start')::time, (i ->> 'end')::time
        FROM schedule_exceptions e, jsonb_array_elements(e.intervals) i
        WHERE e.master_id = p_master AND e.day BETWEEN p_from AND p_to
    )
    SELECT local.day,
           (local.day + local.start_time) AT TIME ZONE m.timezone,
           (local.day + local.end_time) AT TIME ZONE m.timezone
    FROM local, m
$$;

-- bookings module: appointments, their history and idempotent creation.
CREATE TABLE bookings (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    master_id      uuid NOT NULL REFERENCES masters (id),
    client_id      uuid NOT NULL REFERENCES users (id),
    service_id     uuid NOT NULL REFERENCES master_services (id),
    -- Snapshot of the service at booking time: later price changes do not touch it.
    service_name   text NOT NULL,
    price_minor    bigint NOT NULL,
    currency       text NOT NULL,
    start_at       timestamptz NOT NULL,
    end_at         timestamptz NOT NULL,
    -- The time the booking keeps the master busy: the visit plus the master's buffer.
    busy           tstzrange NOT NULL,
    status         text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled', 'completed', 'no_show')),
    comment        text NOT NULL DEFAULT '' CHECK (char_length(comment) <= 500),
    cancel_reason  text,
    cancelled_by   uuid REFERENCES users (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (start_at < end_at),
    -- Never double-booked: active bookings of one master cannot overlap, whatever the API does.
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (master_id WITH =, busy WITH &&)
        WHERE (status IN ('pending', 'confirmed'))
);
CREATE INDEX bookings_client_idx ON bookings (client_id, start_at);
CREATE INDEX bookings_master_idx ON bookings (master_id, start_at);

-- Every change of a booking, written in the same transaction: notifications, reminders and
-- auto-proposals read this instead of the bookings table.
CREATE TABLE booking_events (
    id          bigserial PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES bookings (id),
    type        text NOT NULL CHECK (type IN ('created', 'confirmed', 'cancelled', 'rescheduled', 'completed', 'no_show')),
    actor_id    uuid NOT NULL REFERENCES users (id),
    payload     jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_events_booking_idx ON booking_events (booking_id, id);

CREATE TABLE booking_idempotency_keys (
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key           text NOT NULL,
    request_hash  text NOT NULL,
    booking_id    uuid REFERENCES bookings (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

-- Free slots for a service of `p_duration` minutes between two local dates: every start on the
-- master's step grid inside a working interval where the whole visit fits, outside the busy
-- time of active bookings (widened by the master's buffer), after the minimum notice, within
-- the horizon, and on days below the daily cap. `p_ignore` leaves one booking out (reschedule).
-- The API takes a booking only at a start this function returns.
CREATE FUNCTION booking_slots(p_master uuid, p_duration integer, p_from date, p_to date, p_ignore uuid)
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
    WHERE c.start_at >= now() + make_interval(mins => m.min_notice_min)
      AND c.start_at < now() + make_interval(days => m.horizon_days)
      AND NOT EXISTS (SELECT 1 FROM active a
                      WHERE a.busy && tstzrange(c.start_at, c.end_at + make_interval(mins => m.buffer_min)))
      AND (m.max_per_day IS NULL OR (SELECT count(*) FROM active a WHERE a.day = c.day) < m.max_per_day)
    ORDER BY c.start_at
$$;

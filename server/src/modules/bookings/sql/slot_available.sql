-- $1 master, $2 duration, $3 start, $4 master's time zone, $5 booking to leave out (reschedule) or NULL,
-- $6 the application's now.
SELECT EXISTS (
    SELECT 1
    FROM booking_slots($1::uuid, $2::int, ($3::timestamptz AT TIME ZONE $4)::date,
                       ($3::timestamptz AT TIME ZONE $4)::date, $5::uuid, $6::timestamptz) s
    WHERE s.start_at = $3::timestamptz)

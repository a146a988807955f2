-- $1 master, $2 duration, $3/$4 local dates, $5 the application's now.
SELECT to_char(start_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(end_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       local_start
FROM booking_slots($1::uuid, $2::int, $3::date, $4::date, NULL, $5::timestamptz)

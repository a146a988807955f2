-- Exceptions from today (in the master's zone, by the application's clock $2) on.
SELECT to_char(e.day, 'YYYY-MM-DD'), e.intervals::text
FROM schedule_exceptions e JOIN masters m ON m.id = e.master_id
WHERE e.master_id = $1::uuid AND e.day >= ($2::timestamptz AT TIME ZONE m.timezone)::date
ORDER BY e.day

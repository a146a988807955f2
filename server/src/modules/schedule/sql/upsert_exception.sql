INSERT INTO schedule_exceptions (master_id, day, intervals)
VALUES ($1::uuid, $2::date, $3::jsonb)
ON CONFLICT (master_id, day) DO UPDATE SET intervals = EXCLUDED.intervals

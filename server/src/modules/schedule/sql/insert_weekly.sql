INSERT INTO master_schedule (master_id, weekday, start_time, end_time)
SELECT $1::uuid, t.weekday, t.start_time::time, t.end_time::time
FROM unnest($2::int[], $3::text[], $4::text[]) AS t (weekday, start_time, end_time)

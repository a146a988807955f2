SELECT weekday, to_char(start_time, 'HH24:MI'), to_char(end_time, 'HH24:MI')
FROM master_schedule
WHERE master_id = $1::uuid
ORDER BY weekday, start_time

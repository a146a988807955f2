DELETE FROM schedule_exceptions WHERE master_id = $1::uuid AND day = $2::date

DELETE FROM master_schedule WHERE master_id = $1::uuid

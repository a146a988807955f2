DELETE FROM blocked_users WHERE blocker_id = $1::uuid AND blocked_id = $2::uuid

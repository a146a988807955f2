-- Whether either of $1 and $2 blocked the other.
SELECT EXISTS (
    SELECT 1 FROM blocked_users
    WHERE (blocker_id = $1::uuid AND blocked_id = $2::uuid) OR (blocker_id = $2::uuid AND blocked_id = $1::uuid))

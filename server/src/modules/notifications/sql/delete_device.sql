-- Removes push token $1 of user $2 (someone else's token is not found).
DELETE FROM devices WHERE token = $1::text AND user_id = $2::uuid

-- Whether token $1 still belongs to user $2 (it may have moved or been removed since the push
-- was enqueued).
SELECT EXISTS (SELECT 1 FROM devices WHERE token = $1::text AND user_id = $2::uuid)

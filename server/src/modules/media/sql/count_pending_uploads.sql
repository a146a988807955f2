-- Uploads a user has started and not finished, whose URL still works ($2 = now).
SELECT count(*)::int FROM media WHERE owner_id = $1::uuid AND status = 'pending' AND upload_expires_at > $2::timestamptz

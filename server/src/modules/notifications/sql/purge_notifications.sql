-- Deletes up to $2 notifications created before $1 (the retention limit); one batch per call.
DELETE FROM notifications
WHERE id IN (SELECT id FROM notifications WHERE created_at < $1::timestamptz ORDER BY created_at LIMIT $2::int)

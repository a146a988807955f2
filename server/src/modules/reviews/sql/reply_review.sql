-- Only the reviewed master, only once. Returns nothing when the review is not theirs.
UPDATE reviews r SET reply = CASE WHEN r.reply IS NULL THEN $3 ELSE r.reply END,
                     replied_at = CASE WHEN r.reply IS NULL THEN now() ELSE r.replied_at END
FROM masters m
WHERE r.id = $1::uuid AND m.id = r.master_id AND m.user_id = $2::uuid
RETURNING r.id, (r.replied_at = now()) AS replied_now

-- One review with its author's name and avatar (a read-only join of the users module's table).
SELECT r.id, r.booking_id, r.master_id, u.id, u.name, r.rating, r.text, r.reply,
       to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(r.replied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), u.avatar_media_id
FROM reviews r JOIN users u ON u.id = r.author_id
WHERE r.id = $1::uuid

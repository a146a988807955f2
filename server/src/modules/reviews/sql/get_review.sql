SELECT json_build_object(
    'id', r.id, 'booking_id', r.booking_id, 'master_id', r.master_id,
    'author', json_build_object('id', u.id, 'name', u.name),
    'rating', r.rating, 'text', r.text, 'reply', r.reply,
    'created_at', to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'replied_at', to_char(r.replied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::text
FROM reviews r JOIN users u ON u.id = r.author_id
WHERE r.id = $1::uuid

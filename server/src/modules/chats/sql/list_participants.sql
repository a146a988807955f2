-- The participants of the chats $1 (uuid[]): owner first, then in the order they joined. Names and
-- avatars are read from the users module's table. Each one's watermarks let clients show
-- delivered / read ticks as soon as a chat opens.
SELECT p.chat_id, p.user_id, u.name, u.avatar_media_id::text, p.role,
       to_char(pr.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), p.delivered_seq, p.read_seq
FROM chat_participants p
JOIN users u ON u.id = p.user_id
LEFT JOIN user_presence pr ON pr.user_id = p.user_id
WHERE p.chat_id = ANY ($1::uuid[])
ORDER BY p.chat_id, p.role = 'owner' DESC, p.joined_at, p.user_id

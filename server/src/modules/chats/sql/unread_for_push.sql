-- What a push about chat $1 tells user $2: how many messages from others they have not read,
-- the newest one's sender and a preview, and the chat's title (groups). No row when they left
-- the chat or nothing is unread.
SELECT count(*)::int, (array_agg(m.sender_id::text ORDER BY m.seq DESC))[1],
       (array_agg(CASE WHEN m.type = 'image' THEN '' ELSE left(m.content, 140) END ORDER BY m.seq DESC))[1],
       (array_agg(m.id::text ORDER BY m.seq DESC))[1], min(c.title)
FROM chat_participants p
JOIN chats c ON c.id = p.chat_id
JOIN messages m ON m.chat_id = p.chat_id AND m.seq > p.read_seq AND m.sender_id <> p.user_id AND m.deleted_at IS NULL
WHERE p.chat_id = $1::uuid AND p.user_id = $2::uuid
HAVING count(*) > 0

-- User $1's chats, most recent activity first (the last message, else the creation), then by id.
-- $2/$3 the cursor (activity with microseconds, id) or NULL; $4 limit + 1. Columns as in get_chat.sql.
SELECT c.id, c.kind, c.title, c.created_by, c.last_seq, coalesce(p.delivered_seq, 0), coalesce(p.read_seq, 0),
       to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(coalesce(c.last_message_at, c.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       CASE WHEN p.user_id IS NULL THEN 0 ELSE
           (SELECT count(*) FROM messages u
            WHERE u.chat_id = c.id AND u.seq > p.read_seq AND u.sender_id <> p.user_id AND u.deleted_at IS NULL)
       END,
       p.user_id,
       to_char(coalesce(c.last_message_at, c.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       lm.id, lm.chat_id, lm.seq, lm.sender_id, lm.type, lm.content, lm.client_msg_id,
       to_char(lm.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(lm.edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), lm.deleted_at IS NOT NULL
FROM chat_participants p
JOIN chats c ON c.id = p.chat_id
LEFT JOIN LATERAL (
    SELECT m.id, m.chat_id, m.seq, m.sender_id, m.type, m.content, m.client_msg_id, m.created_at, m.edited_at,
           m.deleted_at
    FROM messages m WHERE m.chat_id = c.id ORDER BY m.seq DESC LIMIT 1
) lm ON true
WHERE p.user_id = $1::uuid
  AND ($2::timestamptz IS NULL
       OR coalesce(c.last_message_at, c.created_at) < $2::timestamptz
       OR (coalesce(c.last_message_at, c.created_at) = $2::timestamptz AND c.id > $3::uuid))
ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id
LIMIT $4::int

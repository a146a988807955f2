-- Chat $1 as user $2 sees it, with its newest message. The caller's columns (watermarks, unread
-- count) are 0 and the viewer column NULL when $2 is not a participant. Unread: messages from
-- others after the caller's read_seq that are not deleted.
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
FROM chats c
LEFT JOIN chat_participants p ON p.chat_id = c.id AND p.user_id = $2::uuid
LEFT JOIN LATERAL (
    SELECT m.id, m.chat_id, m.seq, m.sender_id, m.type, m.content, m.client_msg_id, m.created_at, m.edited_at,
           m.deleted_at
    FROM messages m WHERE m.chat_id = c.id ORDER BY m.seq DESC LIMIT 1
) lm ON true
WHERE c.id = $1::uuid

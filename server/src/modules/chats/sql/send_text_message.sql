-- A text message in one round trip: $2 must participate in chat $1 and, in a direct chat,
-- neither side may have blocked the other; then the chat's next seq and the message, as in
-- insert_message.sql (the chat's row lock orders concurrent senders; a failed insert gives the
-- number back). Always one row: the chat's kind (NULL: $2 does not participate), whether a
-- block stopped it, every participant, then insert_message.sql's columns (NULL when not sent).
WITH member AS (
    SELECT c.kind FROM chats c JOIN chat_participants p ON p.chat_id = c.id AND p.user_id = $2::uuid
    WHERE c.id = $1::uuid
), blocked AS (
    SELECT EXISTS (
        SELECT 1 FROM member, chat_participants o
        JOIN blocked_users b ON (b.blocker_id = $2::uuid AND b.blocked_id = o.user_id)
                             OR (b.blocker_id = o.user_id AND b.blocked_id = $2::uuid)
        WHERE member.kind = 'direct' AND o.chat_id = $1::uuid AND o.user_id <> $2::uuid) AS yes
), next AS (
    UPDATE chats c SET last_seq = c.last_seq + 1, last_message_at = clock_timestamp()
    WHERE c.id = $1::uuid
      AND EXISTS (SELECT 1 FROM member) AND NOT (SELECT yes FROM blocked)
      AND EXISTS (SELECT 1 FROM chat_participants p WHERE p.chat_id = c.id AND p.user_id = $2::uuid)
    RETURNING c.id, c.last_seq, c.last_message_at
), m AS (
    INSERT INTO messages (chat_id, seq, sender_id, type, content, client_msg_id, created_at, media_id)
    SELECT next.id, next.last_seq, $2::uuid, 'text', $3, $4, next.last_message_at, NULL FROM next
    RETURNING id, chat_id, seq, sender_id, type, content, client_msg_id, created_at, edited_at, deleted_at, media_id
)
SELECT (SELECT kind FROM member), (SELECT yes FROM blocked),
       ARRAY(SELECT q.user_id FROM chat_participants q WHERE q.chat_id = $1::uuid ORDER BY q.user_id),
       m.id, m.chat_id, m.seq, m.sender_id, m.type, m.content, m.client_msg_id,
       to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(m.edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), m.deleted_at IS NOT NULL, m.media_id
FROM (SELECT 1) one LEFT JOIN m ON true

-- Takes chat $1's next seq and inserts the message in one statement; no row when $2 is not a
-- participant. The row lock on the chat orders concurrent senders; when the insert fails (the
-- same client_msg_id again) the increment is rolled back with it, so seqs have no gaps.
-- created_at is read after the lock, so it grows with seq.
WITH next AS (
    UPDATE chats c SET last_seq = c.last_seq + 1, last_message_at = clock_timestamp()
    WHERE c.id = $1::uuid
      AND EXISTS (SELECT 1 FROM chat_participants p WHERE p.chat_id = c.id AND p.user_id = $2::uuid)
    RETURNING c.id, c.last_seq, c.last_message_at
), m AS (
    INSERT INTO messages (chat_id, seq, sender_id, type, content, client_msg_id, created_at, media_id)
    SELECT next.id, next.last_seq, $2::uuid, $3, $4, $5, next.last_message_at, $6::uuid FROM next
    RETURNING id, chat_id, seq, sender_id, type, content, client_msg_id, created_at, edited_at, deleted_at, media_id
)
SELECT m.id, m.chat_id, m.seq, m.sender_id, m.type, m.content, m.client_msg_id,
       to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(m.edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), m.deleted_at IS NOT NULL, m.media_id
FROM m

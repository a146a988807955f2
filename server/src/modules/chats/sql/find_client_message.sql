-- The message that sender $2 sent to chat $1 with client_msg_id $3 (a retry finds the original).
SELECT m.id, m.chat_id, m.seq, m.sender_id, m.type, m.content, m.client_msg_id,
       to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(m.edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), m.deleted_at IS NOT NULL, m.media_id
FROM messages m
WHERE m.chat_id = $1::uuid AND m.sender_id = $2::uuid AND m.client_msg_id = $3

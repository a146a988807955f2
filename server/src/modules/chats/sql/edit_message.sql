-- Only the sender's own text message that is not deleted; no row otherwise.
UPDATE messages m SET content = $4, edited_at = now()
WHERE m.chat_id = $1::uuid AND m.id = $2::uuid AND m.sender_id = $3::uuid AND m.type = 'text'
  AND m.deleted_at IS NULL
RETURNING m.id, m.chat_id, m.seq, m.sender_id, m.type, m.content, m.client_msg_id,
       to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       to_char(m.edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), m.deleted_at IS NOT NULL, m.media_id

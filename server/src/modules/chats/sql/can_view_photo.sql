-- Whether user $2 takes part in a chat where photo $1 was sent (in a message not deleted).
SELECT EXISTS (
    SELECT 1 FROM messages m
    JOIN chat_participants p ON p.chat_id = m.chat_id AND p.user_id = $2::uuid
    WHERE m.media_id = $1::uuid AND m.deleted_at IS NULL
)

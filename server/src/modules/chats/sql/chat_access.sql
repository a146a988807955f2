-- $2's place in chat $1: the chat's kind, $2's role, and every participant. No row when $2 is
-- not a participant.
SELECT c.kind, p.role, ARRAY(SELECT q.user_id FROM chat_participants q WHERE q.chat_id = c.id ORDER BY q.user_id)
FROM chats c JOIN chat_participants p ON p.chat_id = c.id AND p.user_id = $2::uuid
WHERE c.id = $1::uuid

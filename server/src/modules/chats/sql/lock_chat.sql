-- chat_access under a lock on the chat row: changes of the title and the participants queue up
-- behind each other (and behind senders), so the participant limit cannot be raced past.
SELECT c.kind, p.role, ARRAY(SELECT q.user_id FROM chat_participants q WHERE q.chat_id = c.id ORDER BY q.user_id)
FROM chats c JOIN chat_participants p ON p.chat_id = c.id AND p.user_id = $2::uuid
WHERE c.id = $1::uuid
FOR UPDATE OF c

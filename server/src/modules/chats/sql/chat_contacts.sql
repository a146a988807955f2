-- Everyone who shares at least one chat with user $1: who hears about $1's presence.
SELECT DISTINCT q.user_id
FROM chat_participants p JOIN chat_participants q ON q.chat_id = p.chat_id
WHERE p.user_id = $1::uuid AND q.user_id <> $1::uuid

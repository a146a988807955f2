-- Adds the users $2 (uuid[]) to chat $1; $3 becomes the owner (NULL: nobody). Returns the added ones.
INSERT INTO chat_participants (chat_id, user_id, role)
SELECT $1::uuid, u, CASE WHEN u = $3::uuid THEN 'owner' ELSE 'member' END
FROM unnest($2::uuid[]) AS u
ON CONFLICT (chat_id, user_id) DO NOTHING
RETURNING user_id

-- The direct chat of a pair; nothing when it already exists (a concurrent insert is waited for).
INSERT INTO chats (kind, created_by, direct_key) VALUES ('direct', $1::uuid, $2)
ON CONFLICT (direct_key) DO NOTHING
RETURNING id

INSERT INTO chats (kind, title, created_by) VALUES ('group', $2, $1::uuid) RETURNING id

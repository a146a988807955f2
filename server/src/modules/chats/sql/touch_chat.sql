UPDATE chats SET updated_at = now() WHERE id = $1::uuid

UPDATE chats SET title = $2, updated_at = now() WHERE id = $1::uuid

SELECT id FROM chats WHERE direct_key = $1

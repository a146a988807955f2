DELETE FROM chat_participants WHERE chat_id = $1::uuid AND user_id = $2::uuid RETURNING role

SELECT EXISTS (SELECT 1 FROM friendships WHERE user_id = $1::uuid AND friend_id = $2::uuid)

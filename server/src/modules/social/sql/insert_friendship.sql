-- Both directions of the friendship of $1 and $2.
INSERT INTO friendships (user_id, friend_id) VALUES ($1::uuid, $2::uuid), ($2::uuid, $1::uuid)
ON CONFLICT (user_id, friend_id) DO NOTHING

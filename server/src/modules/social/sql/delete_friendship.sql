-- Both directions; affects no row when $1 and $2 are not friends.
DELETE FROM friendships
WHERE (user_id = $1::uuid AND friend_id = $2::uuid) OR (user_id = $2::uuid AND friend_id = $1::uuid)

-- What a block ends between $1 and $2, both ways: follows, the friendship, pending requests.
WITH unfollowed AS (
    DELETE FROM follows
    WHERE (follower_id = $1::uuid AND followee_id = $2::uuid) OR (follower_id = $2::uuid AND followee_id = $1::uuid)
), unfriended AS (
    DELETE FROM friendships
    WHERE (user_id = $1::uuid AND friend_id = $2::uuid) OR (user_id = $2::uuid AND friend_id = $1::uuid)
)
DELETE FROM friend_requests
WHERE status = 'pending'
  AND least(from_id, to_id) = least($1::uuid, $2::uuid)
  AND greatest(from_id, to_id) = greatest($1::uuid, $2::uuid)

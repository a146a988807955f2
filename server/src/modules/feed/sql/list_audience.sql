-- Who hears of a new post (feed:new_posts): the author's followers and friends, but not those
-- who muted the author or are blocked with them either way. $1 author.
SELECT a.id::text FROM (
    SELECT follower_id AS id FROM follows WHERE followee_id = $1::uuid
    UNION SELECT friend_id FROM friendships WHERE user_id = $1::uuid
) a
WHERE NOT EXISTS (SELECT 1 FROM mutes m WHERE m.user_id = a.id AND m.muted_id = $1::uuid)
  AND NOT EXISTS (SELECT 1 FROM blocked_users b
                  WHERE (b.blocker_id = a.id AND b.blocked_id = $1::uuid)
                     OR (b.blocker_id = $1::uuid AND b.blocked_id = a.id))

-- What the list shows unread: groups ($2 true) or single notifications. $1 user.
SELECT CASE WHEN $2::boolean THEN count(DISTINCT n.group_id) ELSE count(*) END::int
FROM notifications n
WHERE n.user_id = $1::uuid AND n.in_app AND n.read_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM blocked_users b
                  WHERE (b.blocker_id = $1::uuid AND b.blocked_id = n.actor_id)
                     OR (b.blocker_id = n.actor_id AND b.blocked_id = $1::uuid))

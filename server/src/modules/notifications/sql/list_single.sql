-- The user's notifications one by one, newest first, in list_grouped.sql's columns. $1 user,
-- $2 types (NULL: all), $3 only this one (NULL: all), $4/$5 cursor (created_at, id), $6 limit + 1.
SELECT n.id, n.type, 1,
       to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       n.read_at IS NOT NULL, n.target::text,
       CASE WHEN u.id IS NULL THEN '[]'
            ELSE jsonb_build_array(jsonb_build_object('id', u.id, 'name', u.name,
                                                      'avatar_media_id', u.avatar_media_id))::text END,
       to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM notifications n
LEFT JOIN users u ON u.id = n.actor_id
WHERE n.user_id = $1::uuid AND n.in_app
  AND ($2::text[] IS NULL OR n.type = ANY ($2::text[]))
  AND ($3::uuid IS NULL OR n.id = $3::uuid)
  AND NOT EXISTS (SELECT 1 FROM blocked_users b
                  WHERE (b.blocker_id = $1::uuid AND b.blocked_id = n.actor_id)
                     OR (b.blocker_id = n.actor_id AND b.blocked_id = $1::uuid))
  AND ($4::timestamptz IS NULL OR (n.created_at, n.id) < ($4::timestamptz, $5::uuid))
ORDER BY n.created_at DESC, n.id DESC
LIMIT $6::int

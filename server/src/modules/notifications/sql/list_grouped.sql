-- The user's notifications as groups, newest group first (by its latest member). $1 user, $2
-- types (NULL: all), $3 only this group (NULL: all), $4/$5 cursor (latest_at, group id), $6
-- limit + 1. Members whose actor and the user blocked each other are left out.
SELECT g.group_id, g.type, g.count,
       to_char(g.first_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(g.latest_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       g.unread = 0, g.target::text, a.actors::text,
       to_char(g.latest_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
FROM (
    SELECT n.group_id, min(n.type) AS type, count(*)::int AS count, min(n.created_at) AS first_at,
           max(n.created_at) AS latest_at, count(*) FILTER (WHERE n.read_at IS NULL) AS unread,
           (array_agg(n.target ORDER BY n.created_at DESC, n.id DESC))[1] AS target
    FROM notifications n
    WHERE n.user_id = $1::uuid AND n.in_app
      AND ($2::text[] IS NULL OR n.type = ANY ($2::text[]))
      AND ($3::uuid IS NULL OR n.group_id = $3::uuid)
      AND NOT EXISTS (SELECT 1 FROM blocked_users b
                      WHERE (b.blocker_id = $1::uuid AND b.blocked_id = n.actor_id)
                         OR (b.blocker_id = n.actor_id AND b.blocked_id = $1::uuid))
    GROUP BY n.group_id
) g
CROSS JOIN LATERAL (
    SELECT COALESCE(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'avatar_media_id', u.avatar_media_id)
                              ORDER BY x.at DESC), '[]'::jsonb) AS actors
    FROM (SELECT m.actor_id, max(m.created_at) AS at FROM notifications m
          WHERE m.group_id = g.group_id AND m.in_app AND m.actor_id IS NOT NULL
          GROUP BY m.actor_id ORDER BY at DESC LIMIT 3) x
    JOIN users u ON u.id = x.actor_id
) a
WHERE ($4::timestamptz IS NULL OR (g.latest_at, g.group_id) < ($4::timestamptz, $5::uuid))
ORDER BY g.latest_at DESC, g.group_id DESC
LIMIT $6::int

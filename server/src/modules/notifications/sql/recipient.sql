-- What creating a notification for user $1 needs: their language, preferences, whether the
-- actor $2 and they blocked each other (either way), and, when $3 (the server's now) falls in
-- their quiet hours, when those end; and the actor's name. The time zone is theirs, else their master profile's,
-- else Europe/Moscow.
SELECT u.locale, COALESCE(p.types, '{}'::jsonb)::text, COALESCE(p.grouping, true),
       EXISTS (SELECT 1 FROM blocked_users b
               WHERE $2::uuid IS NOT NULL
                 AND ((b.blocker_id = u.id AND b.blocked_id = $2::uuid)
                      OR (b.blocker_id = $2::uuid AND b.blocked_id = u.id))) AS blocked,
       to_char(q.quiet_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       (SELECT a.name FROM users a WHERE a.id = $2::uuid) AS actor_name
FROM users u
LEFT JOIN notification_preferences p ON p.user_id = u.id
CROSS JOIN LATERAL (
    SELECT COALESCE(p.timezone, (SELECT m.timezone FROM masters m WHERE m.user_id = u.id), 'Europe/Moscow') AS tz
) z
CROSS JOIN LATERAL (SELECT ($3::timestamptz AT TIME ZONE z.tz) AS local) l
CROSS JOIN LATERAL (
    SELECT CASE
        WHEN p.quiet_from IS NULL OR p.quiet_from = p.quiet_to THEN NULL
        WHEN p.quiet_from < p.quiet_to THEN
            CASE WHEN l.local::time >= p.quiet_from AND l.local::time < p.quiet_to
                 THEN (l.local::date + p.quiet_to) AT TIME ZONE z.tz END
        WHEN l.local::time >= p.quiet_from THEN ((l.local::date + 1) + p.quiet_to) AT TIME ZONE z.tz
        WHEN l.local::time < p.quiet_to THEN (l.local::date + p.quiet_to) AT TIME ZONE z.tz
    END AS quiet_end
) q
WHERE u.id = $1::uuid AND u.banned_at IS NULL

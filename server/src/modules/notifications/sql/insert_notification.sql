-- $1 user, $2 type, $3 actor, $4 target, $5 group key (NULL: not groupable), $6 dedupe key,
-- $7 in_app, $8 the server's now. A groupable notification joins the group of the latest one
-- with its key when that group's first member is less than 12 hours older; otherwise it starts
-- a group. Nothing happens when the event was notified already (the same dedupe key).
INSERT INTO notifications (id, user_id, type, actor_id, target, group_key, group_id, dedupe_key, in_app, created_at)
SELECT i.id, $1::uuid, $2::text, $3::uuid, $4::jsonb, $5::text,
       COALESCE(g.group_id, CASE WHEN $5::text IS NULL THEN i.id ELSE gen_random_uuid() END),
       $6::text, $7::boolean, $8::timestamptz
FROM (SELECT gen_random_uuid() AS id) i
LEFT JOIN LATERAL (
    SELECT latest.group_id
    FROM (SELECT n.group_id FROM notifications n
          WHERE $5::text IS NOT NULL AND n.user_id = $1::uuid AND n.group_key = $5::text
          ORDER BY n.created_at DESC LIMIT 1) latest
    WHERE (SELECT min(m.created_at) FROM notifications m WHERE m.group_id = latest.group_id)
          > $8::timestamptz - interval '12 hours'
) g ON true
ON CONFLICT (user_id, dedupe_key) DO NOTHING
RETURNING id, group_id

-- $1 user, $2 types, $3/$4 quiet hours (both NULL: none), $5 time zone, $6 grouping.
INSERT INTO notification_preferences AS p (user_id, types, quiet_from, quiet_to, timezone, grouping, updated_at)
VALUES ($1::uuid, $2::jsonb, $3::time, $4::time, $5::text, $6::boolean, now())
ON CONFLICT (user_id) DO UPDATE
SET types = EXCLUDED.types, quiet_from = EXCLUDED.quiet_from, quiet_to = EXCLUDED.quiet_to,
    timezone = EXCLUDED.timezone, grouping = EXCLUDED.grouping, updated_at = now()

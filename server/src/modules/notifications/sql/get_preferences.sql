-- The user's preferences with the defaults filled in: types (only those changed), quiet hours,
-- the time zone (theirs, else their master profile's, else Europe/Moscow), grouping, and the
-- user's language.
SELECT COALESCE(p.types, '{}'::jsonb)::text, to_char(p.quiet_from, 'HH24:MI'), to_char(p.quiet_to, 'HH24:MI'),
       COALESCE(p.timezone, (SELECT m.timezone FROM masters m WHERE m.user_id = u.id), 'Europe/Moscow'),
       COALESCE(p.grouping, true), u.locale
FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
WHERE u.id = $1::uuid

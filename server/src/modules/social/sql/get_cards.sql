-- The user cards of the ids in $1 (any order; unknown ids have no row).
SELECT u.id::text, u.name, u.role, u.avatar_media_id::text, m.id::text
FROM users u
LEFT JOIN masters m ON m.user_id = u.id
WHERE u.id = ANY ($1::uuid[])

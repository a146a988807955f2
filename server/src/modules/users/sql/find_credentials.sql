SELECT id, password_hash, banned_at IS NOT NULL AS banned
FROM users
WHERE email = $1

SELECT role
FROM users
WHERE id = $1::uuid AND banned_at IS NULL

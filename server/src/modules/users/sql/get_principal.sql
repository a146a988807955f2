-- Who a valid token belongs to: the role and, for a master, the profile id (a read-only join of
-- the masters module's table: "me" resolves to a master id once per request, here).
SELECT u.role, m.id
FROM users u
LEFT JOIN masters m ON m.user_id = u.id
WHERE u.id = $1::uuid AND u.banned_at IS NULL

-- Which of the ids $1 (uuid[]) are active accounts (read across modules: users).
SELECT id FROM users WHERE id = ANY ($1::uuid[]) AND banned_at IS NULL

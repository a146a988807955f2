INSERT INTO users (email, password_hash, name, role)
VALUES ($1, $2, $3, 'admin')
ON CONFLICT (email) DO UPDATE SET role = 'admin', password_hash = EXCLUDED.password_hash, updated_at = now()
RETURNING id

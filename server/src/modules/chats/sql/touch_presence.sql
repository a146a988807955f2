-- User $1's last socket went away now.
INSERT INTO user_presence (user_id, last_seen_at) VALUES ($1::uuid, now())
ON CONFLICT (user_id) DO UPDATE SET last_seen_at = excluded.last_seen_at
RETURNING to_char(last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')

-- Idempotent; an unknown user fails the foreign key (23503).
INSERT INTO blocked_users (blocker_id, blocked_id) VALUES ($1::uuid, $2::uuid)
ON CONFLICT (blocker_id, blocked_id) DO NOTHING

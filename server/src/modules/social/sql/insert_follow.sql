-- Idempotent: affects no row when $1 already follows $2.
INSERT INTO follows (follower_id, followee_id) VALUES ($1::uuid, $2::uuid)
ON CONFLICT (follower_id, followee_id) DO NOTHING

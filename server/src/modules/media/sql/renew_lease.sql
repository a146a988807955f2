-- The processing node is alive: push its lease on ($2 = the new end).
UPDATE media SET lease_until = $2::timestamptz WHERE id = $1::uuid AND status = 'processing'

-- The worker is alive: its running jobs' leases move on. Returns the jobs it still holds.
-- $1 = ids, $2 = worker, $3 = the lease's new end
UPDATE jobs SET lease_until = $3::timestamptz
WHERE id = ANY ($1::bigint[]) AND state = 'running' AND locked_by = $2::text
RETURNING id

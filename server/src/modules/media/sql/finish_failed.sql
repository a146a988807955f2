-- $1 id, $2 reason, $3 detected type (may be NULL)
UPDATE media SET status = 'failed', failure_reason = $2, detected_type = $3, lease_until = NULL
WHERE id = $1::uuid AND status = 'processing'

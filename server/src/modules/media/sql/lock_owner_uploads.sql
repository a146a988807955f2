-- Serialises one user's new uploads for the rest of the transaction (a transaction-scoped
-- advisory lock on the owner id), so the pending-uploads limit holds under parallel requests.
SELECT pg_advisory_xact_lock(hashtext('media-uploads:' || $1::text))

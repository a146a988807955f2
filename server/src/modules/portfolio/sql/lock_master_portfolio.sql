-- Serialises changes to one master's portfolio (adding, moving and deleting renumber the whole
-- list, which may be empty): a transaction-scoped advisory lock on the master id.
SELECT pg_advisory_xact_lock(hashtext('portfolio:' || $1::text))

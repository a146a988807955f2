-- Serialises the notifications of one user and group key, so that concurrent ones join one
-- group instead of each starting their own. Held until the transaction ends.
SELECT pg_advisory_xact_lock(hashtextextended('notification-group:' || $1::text || ':' || $2::text, 0))
